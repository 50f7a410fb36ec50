using System.Security.Claims;
using AlexaLinkHub.Application.Accounts;
using AlexaLinkHub.Application.Common.Tenancy;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AlexaLinkHub.Web.Tenancy;

/// <summary>End users' sign-in session: a cookie per tenant (its path is the tenant's PathBase, and it names the tenant,
/// so a session of tenant A is never accepted under tenant B). It carries the user's security stamp and is checked on
/// each request, so changing or resetting the password, or disabling the account, ends every other session.</summary>
public static class EndUserSession
{
    public const string Scheme = "EndUser";
    public const string TenantClaim = "alh:tenant";
    public const string StampClaim = "alh:stamp";

    /// <summary>Starts (or renews, after a password change) the session of a user of the tenant in scope.</summary>
    public static async Task SignInAsync(HttpContext context, Guid userId)
    {
        var stamp = await context.RequestServices.GetRequiredService<ISender>().Send(new GetEndUserSessionStamp(userId), context.RequestAborted);
        if (stamp is null)
            return;
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, userId.ToString()),
                new Claim(TenantClaim, context.RequiredTenant().Id.ToString()),
                new Claim(StampClaim, stamp),
            ],
            Scheme);
        await context.SignInAsync(Scheme, new ClaimsPrincipal(identity));
    }

    /// <summary>The signed-in end user of the tenant in scope, if any.</summary>
    public static async Task<Guid?> CurrentUserAsync(HttpContext context)
    {
        if (context.Tenant() is null)
            return null;
        var result = await context.AuthenticateAsync(Scheme);
        return result.Succeeded && Guid.TryParse(result.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    }

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = ".alh.session";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromHours(1);
        options.SlidingExpiration = true;
        options.Events.OnValidatePrincipal = ValidateAsync;
        // Pages decide where an anonymous user goes (the tenant's own login page, with the flow to resume).
        options.Events.OnRedirectToLogin = c => { c.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
        options.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var tenant = context.HttpContext.Tenant();
        var valid = tenant is not null
            && principal?.FindFirstValue(TenantClaim) == tenant.Id.ToString()
            && Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            && principal.FindFirstValue(StampClaim) is { } stamp
            && string.Equals(
                await context.HttpContext.RequestServices.GetRequiredService<ISender>().Send(new GetEndUserSessionStamp(userId), context.HttpContext.RequestAborted),
                stamp,
                StringComparison.Ordinal);
        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
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
