using System.Security.Claims;
using AlexaLinkHub.Application.Admins;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AlexaLinkHub.Web.Admin;

/// <summary>Between the password and the second factor: a cookie of its own (<c>.alh.admin.pending</c>, path
/// <c>/admin</c>, five minutes, data-protected like every auth cookie) naming the admin and their security stamp. It
/// grants nothing; the second-factor page reads it to know whom to ask.</summary>
public static class AdminPendingSignIn
{
    public const string Scheme = "AdminPending";
    public const string CookieName = ".alh.admin.pending";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public sealed record Pending(Guid AdminId, string SecurityStamp, string Email);

    public static Task StartAsync(HttpContext context, AdminIdentity admin)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, admin.AdminId.ToString()),
                new Claim(ClaimTypes.Email, admin.Email),
                new Claim(SessionClaims.Stamp, admin.SecurityStamp),
            ],
            Scheme);
        return context.SignInAsync(Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
    }

    public static async Task<Pending?> ReadAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(Scheme);
        return result is { Succeeded: true, Principal: { } principal } && Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? new Pending(id, principal.FindFirstValue(SessionClaims.Stamp) ?? string.Empty, principal.FindFirstValue(ClaimTypes.Email) ?? string.Empty)
            : null;
    }

    public static Task EndAsync(HttpContext context) => context.SignOutAsync(Scheme);

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = CookieName;
        options.Cookie.Path = AdminAuthentication.CookiePath;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = Lifetime;
        options.SlidingExpiration = false;
        options.Events.OnRedirectToLogin = c => { c.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
    }
}
