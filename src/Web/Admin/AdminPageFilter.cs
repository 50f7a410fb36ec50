using System.Security.Claims;
using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Web.Tenancy;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.WebUtilities;

namespace AlexaLinkHub.Web.Admin;

/// <summary>Runs before every admin page: sets the security headers, tells the application layer who is acting (the
/// admin of the cookie) and puts the tenant of <c>/admin/t/{slug}</c> in scope — or answers 404 when the admin may not
/// administer it, exactly as for a slug that does not exist. Pages under <c>/Platform</c> run in the platform scope. A
/// <see cref="NotFoundException"/> from any command (another tenant's skill, user or token id) is a 404 page too.</summary>
internal sealed class AdminPageFilter : IAsyncPageFilter
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

        var services = http.RequestServices;
        var principal = (await http.AuthenticateAsync(AdminAuthentication.Scheme)).Principal;
        var actor = services.GetRequiredService<ActorContext>();
        AdminAuthentication.SetActor(actor, principal, http.Connection.RemoteIpAddress?.ToString());
        var session = new AdminSession
        {
            Email = principal?.Identity?.IsAuthenticated == true ? principal.FindFirstValue(ClaimTypes.Email) : null,
            IsPlatformAdmin = actor.IsPlatformAdmin,
        };
        http.Features.Set(session);

        // A second factor is required and the admin has none: nothing but enrolling one (or signing out) until they do.
        if (principal?.HasClaim(AdminClaims.MustEnrolMfa, "true") == true
            && context.ActionDescriptor.ViewEnginePath is not ("/Account/Security" or "/Logout"))
        {
            context.Result = new LocalRedirectResult(AdminPaths.Security);
            return;
        }

        var sender = services.GetRequiredService<ISender>();
        try
        {
            if (context.RouteData.Values["slug"] is string slug)
            {
                await sender.Send(new EnterTenantScope(slug), http.RequestAborted);
                var tenant = await sender.Send(new GetTenant(), http.RequestAborted);
                (session.TenantSlug, session.TenantName, session.TenantSuspended) = (tenant.Slug, tenant.DisplayName, tenant.Status == TenantStatusNames.Suspended);
            }
            else if (context.ActionDescriptor.ViewEnginePath.StartsWith("/Platform/", StringComparison.Ordinal))
            {
                await sender.Send(new EnterPlatformScope(), http.RequestAborted);
            }
        }
        catch (Exception ex) when (ToResult(ex, http) is { } result)
        {
            context.Result = result;
            return;
        }

        var executed = await next();
        if (executed.Exception is { } exception && !executed.ExceptionHandled && ToResult(exception, http) is { } mapped)
        {
            executed.Result = mapped;
            executed.ExceptionHandled = true;
        }
    }

    private static IActionResult? ToResult(Exception exception, HttpContext http) => exception switch
    {
        // Prove it's you, then repeat the action on the page it came from.
        StepUpRequiredException => new LocalRedirectResult(QueryHelpers.AddQueryString(AdminPaths.StepUp, "returnUrl",
            AdminPaths.SafeReturnUrl(http.Request.Path + http.Request.QueryString) ?? AdminPaths.Root)),
        NotFoundException => new NotFoundResult(),
        ForbiddenException => new StatusCodeResult(StatusCodes.Status403Forbidden),
        _ => null,
    };
}
