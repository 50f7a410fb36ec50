using System.Security.Cryptography;
using System.Text.Json;
using AlexaLinkHub.Application.ExternalSignIn;
using AlexaLinkHub.Web.Tenancy;
using Microsoft.AspNetCore.DataProtection;

namespace AlexaLinkHub.Web.Pages.Tenant;

/// <summary>The browser side of an external sign-in, in two protected cookies of the tenant's path (so a callback of
/// tenant A replayed at tenant B finds nothing): the attempt under way (state, nonce, PKCE verifier, the flow to resume;
/// ten minutes, used once), and an identity waiting for its account's password (fifteen minutes). Both are bound to the
/// tenant; the attempt also to its provider.</summary>
public sealed class ExternalSignInCookies(IHttpContextAccessor accessor, IDataProtectionProvider protection)
{
    public const string AttemptCookie = ".alh.external";
    public const string PendingCookie = ".alh.connect";

    private readonly ITimeLimitedDataProtector _attempts = protection.CreateProtector("AlexaLinkHub.ExternalSignIn.Attempt.v1").ToTimeLimitedDataProtector();
    private readonly ITimeLimitedDataProtector _pending = protection.CreateProtector("AlexaLinkHub.ExternalSignIn.Pending.v1").ToTimeLimitedDataProtector();

    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("External sign-in belongs to a request.");

    public void SaveAttempt(ExternalAttempt attempt) =>
        Write(AttemptCookie, _attempts.Protect(JsonSerializer.Serialize(attempt with { TenantId = Http.RequiredTenant().Id }), TimeSpan.FromMinutes(10)));

    /// <summary>The attempt for this provider, taken (the cookie is deleted: a callback is answered once).</summary>
    public ExternalAttempt? TakeAttempt(string provider)
    {
        var attempt = Read<ExternalAttempt>(AttemptCookie, _attempts);
        Delete(AttemptCookie);
        return attempt is not null && attempt.TenantId == Http.Tenant()?.Id && attempt.Provider == provider ? attempt : null;
    }

    public void SavePending(PendingConnection pending) =>
        Write(PendingCookie, _pending.Protect(JsonSerializer.Serialize(pending with { TenantId = Http.RequiredTenant().Id }), TimeSpan.FromMinutes(15)));

    public PendingConnection? Pending()
    {
        var pending = Read<PendingConnection>(PendingCookie, _pending);
        return pending is not null && pending.TenantId == Http.Tenant()?.Id ? pending : null;
    }

    public void ForgetPending() => Delete(PendingCookie);

    private T? Read<T>(string name, ITimeLimitedDataProtector protector) where T : class
    {
        if (!Http.Request.Cookies.TryGetValue(name, out var value) || string.IsNullOrEmpty(value))
            return null;
        try
        {
            return JsonSerializer.Deserialize<T>(protector.Unprotect(value));
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            // Expired or tampered with: as if there were none.
            return null;
        }
    }

    private void Write(string name, string value) => Http.Response.Cookies.Append(name, value, Options());

    private void Delete(string name) => Http.Response.Cookies.Delete(name, Options());

    // A provider answering with a form post (Apple) comes back cross-site: over https the cookie must be SameSite=None.
    private CookieOptions Options() => new()
    {
        Path = Http.Request.PathBase.HasValue ? Http.Request.PathBase.Value : "/",
        HttpOnly = true,
        Secure = Http.Request.IsHttps,
        SameSite = Http.Request.IsHttps ? SameSiteMode.None : SameSiteMode.Lax,
        IsEssential = true,
    };
}

/// <summary>One "Continue with …" under way.</summary>
public sealed record ExternalAttempt(Guid TenantId, string Provider, ExternalChallenge Challenge, string? ReturnUrl, string? ClientId);

/// <summary>An external identity whose email has an account here: connected once the user types that account's password.</summary>
public sealed record PendingConnection(Guid TenantId, PendingExternalLogin Login, string Email, bool EmailVerified);
