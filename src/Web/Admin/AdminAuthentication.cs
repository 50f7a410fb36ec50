using System.Security.Claims;
using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Admins;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AlexaLinkHub.Web.Admin;

/// <summary>The admin UI's session: a cookie of its own (name <see cref="CookieName"/>, path <c>/admin</c>, SameSite
/// Strict), never the end users' tenant session. It carries only who the admin is; their rights are read fresh on every
/// request, so disabling an admin, changing their password or removing a membership takes effect at once.</summary>
public static class AdminAuthentication
{
    public const string Scheme = "Admin";
    public const string CookieName = ".alh.admin";
    public const string CookiePath = "/admin";
    public const string Policy = "AdminUi";
    public const string PlatformPolicy = "AdminPlatform";

    public static ClaimsPrincipal CreatePrincipal(AdminIdentity admin, DateTimeOffset verifiedAt)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, admin.AdminId.ToString()),
            new(ClaimTypes.Name, admin.Email),
            new(ClaimTypes.Email, admin.Email),
            new(SessionClaims.Stamp, admin.SecurityStamp),
            new(SessionClaims.VerifiedAt, verifiedAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (admin.IsPlatformAdmin)
            claims.Add(new Claim(SessionClaims.PlatformAdmin, "true"));
        if (admin.MustEnrolMfa)
            claims.Add(new Claim(SessionClaims.MustEnrolMfa, "true"));
        if (admin.HasMfa)
            claims.Add(new Claim(SessionClaims.HasMfa, "true"));
        claims.AddRange(admin.TenantRoles.Select(t => new Claim(SessionClaims.Tenant, $"{t.Key}:{t.Value.Name()}")));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>Starts the admin's session, proved just now.</summary>
    public static Task SignInAsync(HttpContext context, AdminIdentity admin) =>
        context.SignInAsync(Scheme, CreatePrincipal(admin, context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()));

    public static DateTimeOffset VerifiedAt(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(SessionClaims.VerifiedAt), out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.MinValue;

    /// <summary>Who is acting, for the application layer: the signed-in admin with their reach and when they last proved
    /// who they are, or nobody.</summary>
    public static Actor ActorOf(AuthenticateResult result, string? sourceIp)
    {
        if (!result.Succeeded || !Guid.TryParse(result.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var adminId))
            return Actor.Anonymous(sourceIp);
        var principal = result.Principal;
        var tenants = principal.FindAll(SessionClaims.Tenant).Select(c => c.Value.Split(':')).ToDictionary(p => Guid.Parse(p[0]), p => AdminRoles.Parse(p[1]));
        return Actor.Admin(adminId, principal.FindFirstValue(ClaimTypes.Email) ?? string.Empty, principal.HasClaim(c => c.Type == SessionClaims.PlatformAdmin),
            tenants, VerifiedAt(principal), sourceIp);
    }

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = CookieName;
        options.Cookie.Path = CookiePath;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        options.LoginPath = "/admin/login";
        options.LogoutPath = "/admin/logout";
        options.ReturnUrlParameter = "returnUrl";
        options.EventsType = typeof(AdminCookieEvents);
    }
}

/// <summary>Re-reads the admin's rights on every request (a disabled admin, a new password or a removed membership
/// takes effect at once); resolved from the request's services, with what it needs injected.</summary>
internal sealed class AdminCookieEvents(ISender sender) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var identity = Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var adminId)
            ? await sender.Send(new GetAdminIdentity(adminId, principal!.FindFirstValue(SessionClaims.Stamp) ?? string.Empty), context.HttpContext.RequestAborted)
            : null;
        if (identity is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AdminAuthentication.Scheme);
            return;
        }
        // Rights are fresh; when the admin last proved who they are is the session's own.
        context.ReplacePrincipal(AdminAuthentication.CreatePrincipal(identity, AdminAuthentication.VerifiedAt(principal!)));
    }

    // Signed in but not allowed (a tenant admin on a platform page): a plain 403, not a redirect loop.
    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
