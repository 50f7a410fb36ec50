using System.Security.Claims;
using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Application.Common.Tenancy;
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
    public const string TenantClaim = "alh:tenant";
    public const string StampClaim = "alh:stamp";

    /// <summary>When the admin last proved who they are (Unix seconds): sign-in with every factor, or a step-up.</summary>
    public const string VerifiedAtClaim = "alh:verified_at";

    public static ClaimsPrincipal CreatePrincipal(AdminIdentity admin, DateTimeOffset verifiedAt)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, admin.AdminId.ToString()),
            new(ClaimTypes.Name, admin.Email),
            new(ClaimTypes.Email, admin.Email),
            new(StampClaim, admin.SecurityStamp),
            new(VerifiedAtClaim, verifiedAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (admin.IsPlatformAdmin)
            claims.Add(new Claim(AdminClaims.PlatformAdmin, "true"));
        if (admin.MustEnrolMfa)
            claims.Add(new Claim(AdminClaims.MustEnrolMfa, "true"));
        if (admin.HasMfa)
            claims.Add(new Claim(AdminClaims.HasMfa, "true"));
        claims.AddRange(admin.TenantIds.Select(id => new Claim(TenantClaim, id.ToString())));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>Starts the admin's session, proved just now.</summary>
    public static Task SignInAsync(HttpContext context, AdminIdentity admin) =>
        context.SignInAsync(Scheme, CreatePrincipal(admin, context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()));

    public static DateTimeOffset VerifiedAt(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(VerifiedAtClaim), out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.MinValue;

    /// <summary>Tells the application layer who is acting: the signed-in admin with their reach, or nobody.</summary>
    public static void SetActor(ActorContext actor, ClaimsPrincipal? principal, string? sourceIp)
    {
        if (principal?.Identity is not { IsAuthenticated: true, AuthenticationType: Scheme } || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var adminId))
        {
            actor.SetAnonymous(sourceIp);
            return;
        }
        var tenants = principal.FindAll(TenantClaim).Select(c => Guid.Parse(c.Value)).ToList();
        actor.SetAdmin(adminId, principal.FindFirstValue(ClaimTypes.Email) ?? string.Empty, principal.HasClaim(c => c.Type == AdminClaims.PlatformAdmin),
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
        options.Events.OnValidatePrincipal = ValidateAsync;
        // Signed in but not allowed (a tenant admin on a platform page): a plain 403, not a redirect loop.
        options.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var identity = Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var adminId)
            ? await context.HttpContext.RequestServices.GetRequiredService<ISender>()
                .Send(new GetAdminIdentity(adminId, principal!.FindFirstValue(StampClaim) ?? string.Empty), context.HttpContext.RequestAborted)
            : null;
        if (identity is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
            return;
        }
        // Rights are fresh; when the admin last proved who they are is the session's own.
        context.ReplacePrincipal(CreatePrincipal(identity, VerifiedAt(principal!)));
    }
}
