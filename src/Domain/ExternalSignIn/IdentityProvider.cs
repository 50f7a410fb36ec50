using System.Text.RegularExpressions;
using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.ExternalSignIn;

/// <summary>What kind of external provider: a generic OpenID Connect provider (issuer → discovery; the vendor's own login)
/// or one of the presets, whose endpoints and claims we know.</summary>
public enum IdentityProviderType
{
    Oidc,
    Google,
    Amazon,
    Apple,
    Microsoft,
    Facebook,
}

/// <summary>An external provider end users of a tenant may sign in with ("Continue with {DisplayName}" on the login page).
/// The client secret is stored protected (data protection) and never shown again; the authorization endpoint is resolved
/// when the provider is saved (discovery for a generic provider), so the login page names it in its CSP without a call
/// to the provider.</summary>
public sealed partial class IdentityProvider : ITenantOwned
{
    public const int NameMaxLength = 40;
    public const int DisplayNameMaxLength = 60;
    public const int ClientIdMaxLength = 300;
    public const int MaxScopes = 20;
    public const int MaxPerTenant = 20;

    private List<string> _scopes = [];

    private IdentityProvider()
    {
        Name = null!;
        DisplayName = null!;
        ClientId = null!;
        ProtectedClientSecret = null!;
        AuthorizationEndpoint = null!;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }

    /// <summary>a-z, 0-9 and '-', unique in the tenant: part of the callback URL and the <c>idp</c> claim.</summary>
    public string Name { get; private set; }
    public IdentityProviderType Type { get; private set; }
    public string DisplayName { get; private set; }

    /// <summary>The issuer (generic OIDC: the vendor's; presets: the preset's; null for the OAuth 2.0 presets).</summary>
    public string? Issuer { get; private set; }
    public string ClientId { get; private set; }
    public string ProtectedClientSecret { get; private set; }
    public IReadOnlyList<string> Scopes => _scopes;
    public bool Enabled { get; private set; }
    public string AuthorizationEndpoint { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static IdentityProvider Create(
        Guid tenantId, string name, IdentityProviderType type, string displayName, string? issuer, string clientId,
        string protectedClientSecret, IEnumerable<string> scopes, bool enabled, string authorizationEndpoint, bool allowLoopbackHttp, DateTimeOffset now)
    {
        if (tenantId == Guid.Empty)
            throw new DomainException("An identity provider belongs to a tenant.");
        var provider = new IdentityProvider
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            Name = ValidateName(name),
            Type = type,
            CreatedAt = now,
        };
        provider.Change(displayName, issuer, clientId, scopes, enabled, authorizationEndpoint, allowLoopbackHttp, now);
        provider.ReplaceSecret(protectedClientSecret, now);
        return provider;
    }

    public void Change(string displayName, string? issuer, string clientId, IEnumerable<string> scopes, bool enabled, string authorizationEndpoint, bool allowLoopbackHttp, DateTimeOffset now)
    {
        DisplayName = Guard.Text(displayName, "Display name", DisplayNameMaxLength);
        Issuer = issuer is null ? null : ProviderUrl.Validate(issuer, "issuer", allowLoopbackHttp);
        ClientId = Guard.Text(clientId, "Client id", ClientIdMaxLength);
        _scopes = ValidateScopes(scopes);
        Enabled = enabled;
        AuthorizationEndpoint = ProviderUrl.Validate(authorizationEndpoint, "authorizationEndpoint", allowLoopbackHttp);
        UpdatedAt = now;
    }

    public void ReplaceSecret(string protectedClientSecret, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(protectedClientSecret))
            throw new DomainException("Client secret is required.", "clientSecret");
        ProtectedClientSecret = protectedClientSecret;
        UpdatedAt = now;
    }

    public static string ValidateName(string? name)
    {
        var value = name?.Trim() ?? string.Empty;
        if (!NamePattern().IsMatch(value))
            throw new DomainException($"Name must be 1 to {NameMaxLength} characters of a-z, 0-9 and '-', starting with a letter or digit.", "name");
        return value;
    }

    public static List<string> ValidateScopes(IEnumerable<string>? scopes)
    {
        var list = (scopes ?? []).Select(s => s?.Trim() ?? string.Empty).Distinct(StringComparer.Ordinal).ToList();
        if (list.Count > MaxScopes)
            throw new DomainException($"At most {MaxScopes} scopes.", "scopes");
        // RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
        if (list.Any(s => s.Length is 0 or > 200 || s.Any(c => c < 0x21 || c > 0x7E || c == '"' || c == '\\')))
            throw new DomainException("Each scope must be a non-empty OAuth scope token (no spaces or quotes).", "scopes");
        return list;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex NamePattern();
}

/// <summary>Addresses of an external provider: https, or plain http on a loopback address where the host allows it
/// (Development, for a provider started by the tests).</summary>
public static class ProviderUrl
{
    public static string Validate(string? value, string field, bool allowLoopbackHttp)
    {
        var candidate = value?.Trim() ?? string.Empty;
        if (allowLoopbackHttp && Uri.TryCreate(candidate, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)
        {
            // The same rules as for https (no credentials, no fragment, well-formed), checked on the https spelling.
            WebUrl.RequireHttps("https" + candidate[4..], field);
            return candidate;
        }
        return WebUrl.RequireHttps(candidate, field);
    }
}
