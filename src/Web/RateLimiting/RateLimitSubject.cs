using System.Security.Cryptography;
using System.Text;
using AlexaLinkHub.Application.Common.OAuth;
using AlexaLinkHub.Infrastructure.OAuth;
using AlexaLinkHub.Web.Tenancy;

namespace AlexaLinkHub.Web.RateLimiting;

/// <summary>What a request is counted against, worked out from the request alone — the path, the Authorization header,
/// the form — with no database lookup: the limiter runs before tenant resolution, and an unknown client or tenant is
/// counted like any other (its partition dies out when idle).</summary>
public sealed record RateLimitSubject(RateLimitSubject.Kinds Kind, string? Tenant = null, string? Client = null, string? Key = null)
{
    public enum Kinds
    {
        None,
        OAuth,
        Api,
        AdminSignIn,
    }

    private const int MaxKeyLength = 200;
    private static readonly string[] s_oauthEndpoints = [OAuthEndpoints.Token, OAuthEndpoints.Introspection, OAuthEndpoints.Revocation, OAuthEndpoints.UserInfo];
    private static readonly string[] s_adminSignInPages = ["/admin/login", "/admin/login/verify", "/admin/account/step-up"];

    public static readonly RateLimitSubject Unlimited = new(Kinds.None);

    public static async Task<RateLimitSubject> OfAsync(HttpContext context)
    {
        var request = context.Request;
        var (slug, rest) = TenantResolutionMiddleware.Split(request.Path);
        if (slug is not null)
        {
            var endpoint = rest.Value?.TrimStart('/');
            if (endpoint is null || !s_oauthEndpoints.Contains(endpoint, StringComparer.Ordinal))
                return Unlimited;
            return new RateLimitSubject(Kinds.OAuth, Domain.Tenants.TenantSlug.IsValid(slug) ? slug : "(invalid)", await ClientIdAsync(request));
        }
        if (request.Path.StartsWithSegments("/api"))
            return new RateLimitSubject(Kinds.Api, Key: ApiKeyOf(request) ?? "ip:" + context.Connection.RemoteIpAddress);
        if (HttpMethods.IsPost(request.Method) && s_adminSignInPages.Contains(request.Path.Value?.TrimEnd('/'), StringComparer.OrdinalIgnoreCase))
            return new RateLimitSubject(Kinds.AdminSignIn, Key: context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return Unlimited;
    }

    /// <summary>RFC 6749 §2.3.1: HTTP Basic (form-urlencoded id and secret), else <c>client_id</c> in the form. Userinfo
    /// carries only the access token: no client, the tenant's limit alone applies.</summary>
    private static async Task<string?> ClientIdAsync(HttpRequest request)
    {
        if (BasicCredentials.Of(request.HttpContext) is { } basic)
            return Bounded(basic.ClientId);
        // OpenIddict reads the same (buffered) form right after this.
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType)
        {
            try
            {
                var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
                return form["client_id"] is [var clientId] ? Bounded(clientId) : null;
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>A hash of the bearer key, so the limiter never keeps API keys in memory.</summary>
    private static string? ApiKeyOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.Length is > 7 and < 4096
            ? "key:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(header)), 0, 16)
            : null;
    }

    private static string? Bounded(string? value) => value is null ? null : value.Length <= MaxKeyLength ? value : value[..MaxKeyLength];
}
