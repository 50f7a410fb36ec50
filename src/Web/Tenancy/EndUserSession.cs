using System.Security.Claims;
using AlexaLinkHub.Application.Common.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AlexaLinkHub.Web.Tenancy;

/// <summary>End users' sign-in session: a cookie per tenant (its path is the tenant's PathBase, and it names the tenant,
/// so a session of tenant A is never accepted under tenant B).</summary>
public static class EndUserSession
{
    public const string Scheme = "EndUser";
    public const string TenantClaim = "alh:tenant";

    public static ClaimsPrincipal CreatePrincipal(Guid userId, Guid tenantId) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString()), new Claim(TenantClaim, tenantId.ToString())], Scheme));

    /// <summary>The signed-in end user of the tenant in scope, if any.</summary>
    public static async Task<Guid?> CurrentUserAsync(HttpContext context)
    {
        var tenant = context.Tenant();
        if (tenant is null)
            return null;
        var result = await context.AuthenticateAsync(Scheme);
        if (!result.Succeeded || result.Principal.FindFirstValue(TenantClaim) != tenant.Id.ToString())
            return null;
        return Guid.TryParse(result.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    }

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = ".alh.session";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromHours(1);
        options.SlidingExpiration = true;
        // Pages decide where an anonymous user goes (the tenant's own login page, with the flow to resume).
        options.Events.OnRedirectToLogin = c => { c.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
        options.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
    }
}

/// <summary>Tells the application layer who is acting on a tenant page: the signed-in end user, or an anonymous visitor.</summary>
internal sealed class TenantActorMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ActorContext actor)
    {
        if (context.Tenant() is not null)
        {
            var ip = context.Connection.RemoteIpAddress?.ToString();
            if (await EndUserSession.CurrentUserAsync(context) is { } userId)
                actor.SetEndUser(userId, ip);
            else
                actor.SetAnonymous(ip);
        }
        await next(context);
    }
}
