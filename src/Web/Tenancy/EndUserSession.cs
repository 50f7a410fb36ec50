using System.Security.Claims;
using AlexaLinkHub.Application.Accounts;
using AlexaLinkHub.Application.Common.Tenancy;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AlexaLinkHub.Web.Tenancy;

/// <summary>End users' sign-in session: a cookie per tenant (its path is the tenant's PathBase, and it names the tenant,
/// so a session of tenant A is never accepted under tenant B). It carries the user's security stamp and is checked on
/// each request (<see cref="EndUserSessionEvents"/>), so changing or resetting the password, or disabling the account,
/// ends every other session. Who is signed in reaches pages as the request's actor.</summary>
public static class EndUserSession
{
    public const string Scheme = "EndUser";

    public static Actor ActorOf(AuthenticateResult result, string? sourceIp) =>
        result.Succeeded && Guid.TryParse(result.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            ? Actor.EndUser(userId, sourceIp)
            : Actor.Anonymous(sourceIp);

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = ".alh.session";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromHours(1);
        options.SlidingExpiration = true;
        options.EventsType = typeof(EndUserSessionEvents);
    }
}

/// <summary>Starts and ends end-user sessions of the tenant in scope.</summary>
public sealed class EndUserSessions(ISender sender)
{
    /// <summary>Starts (or renews, after a password change) the session of a user of the tenant in scope;
    /// <paramref name="identityProvider"/> names the external provider they signed in with, if any.</summary>
    public async Task StartAsync(HttpContext context, Guid userId, string? identityProvider = null)
    {
        var stamp = await sender.Send(new GetEndUserSessionStamp(userId), context.RequestAborted);
        if (stamp is null)
            return;
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, userId.ToString()),
                new Claim(SessionClaims.Tenant, context.RequiredTenant().Id.ToString()),
                new Claim(SessionClaims.Stamp, stamp),
            ],
            EndUserSession.Scheme);
        if (identityProvider is not null)
            identity.AddClaim(new Claim(SessionClaims.IdentityProvider, identityProvider));
        await context.SignInAsync(EndUserSession.Scheme, new ClaimsPrincipal(identity));
    }

    public Task EndAsync(HttpContext context) => context.SignOutAsync(EndUserSession.Scheme);

    /// <summary>The external provider the session was started with (null for a password sign-in).</summary>
    public async Task<string?> IdentityProviderAsync(HttpContext context)
    {
        var session = await context.AuthenticateAsync(EndUserSession.Scheme);
        return session.Succeeded ? session.Principal.FindFirstValue(SessionClaims.IdentityProvider) : null;
    }
}

/// <summary>The session cookie's checks, resolved from the request's services: the cookie must name this tenant and carry
/// the user's current security stamp.</summary>
internal sealed class EndUserSessionEvents(ISender sender) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var tenant = context.HttpContext.Tenant();
        var valid = tenant is not null
            && principal?.FindFirstValue(SessionClaims.Tenant) == tenant.Id.ToString()
            && Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            && principal.FindFirstValue(SessionClaims.Stamp) is { } stamp
            && string.Equals(await sender.Send(new GetEndUserSessionStamp(userId), context.HttpContext.RequestAborted), stamp, StringComparison.Ordinal);
        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(EndUserSession.Scheme);
        }
    }

    // Pages decide where an anonymous user goes (the tenant's own login page, with the flow to resume).
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
