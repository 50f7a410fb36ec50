using System.Security.Claims;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Web.Tenancy;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace AlexaLinkHub.Web.Admin;

/// <summary>Runs before every admin page: sets the security headers, tells the layout who is signed in, and puts the
/// tenant of <c>/admin/t/{slug}</c> in scope — a slug the admin may not administer is a 404, exactly as for one that does
/// not exist (<see cref="ErrorMapping.PageErrorFilter"/>). Pages under <c>/Platform</c> run in the platform scope.</summary>
internal sealed class AdminPageFilter(ISender sender, ICurrentActor actor) : IAsyncPageFilter
{

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        // The admin area lives at the site root only, never under a tenant's /t/{slug} prefix.
        if (http.Tenant() is not null)
        {
            context.Result = new NotFoundResult();
            return;
        }
        AdminPageSecurity.Apply(http);

        // The request's actor is the admin of the cookie (set by the actor middleware); this is who the layout shows.
        var principal = (await http.AuthenticateAsync(AdminAuthentication.Scheme)).Principal;
        var session = new AdminSession
        {
            Email = principal?.Identity?.IsAuthenticated == true ? principal.FindFirstValue(ClaimTypes.Email) : null,
            IsPlatformAdmin = actor.IsPlatformAdmin,
        };
        http.Features.Set(session);

        // A second factor is required and the admin has none: nothing but enrolling one (or signing out) until they do.
        if (principal?.HasClaim(SessionClaims.MustEnrolMfa, "true") == true
            && context.ActionDescriptor.ViewEnginePath is not ("/Account/Security" or "/Logout"))
        {
            context.Result = new LocalRedirectResult(AdminPaths.Security);
            return;
        }

        // A slug the admin may not administer is a 404 like any refusal (PageErrorFilter).
        if (context.RouteData.Values["slug"] is string slug)
        {
            var tenantId = await sender.Send(new EnterTenantScope(slug), http.RequestAborted);
            session.TenantRole = actor.RoleIn(tenantId);
            var tenant = await sender.Send(new GetTenant(), http.RequestAborted);
            (session.TenantSlug, session.TenantName, session.TenantSuspended) = (tenant.Slug, tenant.DisplayName, tenant.Status == TenantStatusNames.Suspended);
        }
        else if (context.ActionDescriptor.ViewEnginePath.StartsWith("/Platform/", StringComparison.Ordinal))
        {
            await sender.Send(new EnterPlatformScope(), http.RequestAborted);
        }

        await next();
    }
}
