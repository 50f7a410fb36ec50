using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.ExternalSignIn;

namespace AlexaLinkHub.Application.ExternalSignIn;

/// <summary>What we know of a kind of provider. OpenID Connect providers are found by discovery from their issuer; the
/// OAuth 2.0 ones (Login with Amazon, Facebook) have fixed endpoints and a user endpoint whose JSON is mapped by
/// <see cref="ExternalClaims"/>.</summary>
public sealed record ProviderPreset(
    IdentityProviderType Type,
    string TypeName,
    bool IsOpenIdConnect,
    string? Issuer,
    IReadOnlyList<string> DefaultScopes,
    string? AuthorizationEndpoint = null,
    string? TokenEndpoint = null,
    string? UserEndpoint = null,
    string? ResponseMode = null,
    string? IssuerTemplate = null);

public static class ProviderPresets
{
    public static readonly IReadOnlyList<ProviderPreset> All =
    [
        new(IdentityProviderType.Oidc, "oidc", IsOpenIdConnect: true, Issuer: null, DefaultScopes: ["openid", "email", "profile"]),
        new(IdentityProviderType.Google, "google", true, "https://accounts.google.com", ["openid", "email", "profile"]),
        // Apple answers with a form post when name or email is asked for (and only then tells the email).
        new(IdentityProviderType.Apple, "apple", true, "https://appleid.apple.com", ["openid", "email", "name"], ResponseMode: "form_post"),
        // "common" accepts work and personal accounts; each token's issuer names the user's directory ({tenantid}).
        new(IdentityProviderType.Microsoft, "microsoft", true, "https://login.microsoftonline.com/common/v2.0", ["openid", "email", "profile"],
            IssuerTemplate: "https://login.microsoftonline.com/{tenantid}/v2.0"),
        new(IdentityProviderType.Amazon, "amazon", false, null, ["profile"],
            AuthorizationEndpoint: "https://www.amazon.com/ap/oa",
            TokenEndpoint: "https://api.amazon.com/auth/o2/token",
            UserEndpoint: "https://api.amazon.com/user/profile"),
        new(IdentityProviderType.Facebook, "facebook", false, null, ["email", "public_profile"],
            AuthorizationEndpoint: "https://www.facebook.com/v21.0/dialog/oauth",
            TokenEndpoint: "https://graph.facebook.com/v21.0/oauth/access_token",
            UserEndpoint: "https://graph.facebook.com/v21.0/me?fields=id,name,email"),
    ];

    public static ProviderPreset Of(IdentityProviderType type) => All.Single(p => p.Type == type);

    public static string TypeName(IdentityProviderType type) => Of(type).TypeName;

    public static IdentityProviderType ParseType(string? name) =>
        All.FirstOrDefault(p => string.Equals(p.TypeName, name?.Trim(), StringComparison.Ordinal))?.Type
        ?? throw new DomainException($"Type must be one of: {string.Join(", ", All.Select(p => p.TypeName))}.", "type");

    /// <summary>The issuer a provider is saved with: the vendor's for a generic provider (required), the preset's otherwise
    /// (an issuer given for a preset is refused rather than ignored).</summary>
    public static string? IssuerFor(IdentityProviderType type, string? issuer)
    {
        var preset = Of(type);
        if (type == IdentityProviderType.Oidc)
            return string.IsNullOrWhiteSpace(issuer) ? throw new DomainException("Issuer is required for an OpenID Connect provider.", "issuer") : issuer.Trim().TrimEnd('/');
        if (!string.IsNullOrWhiteSpace(issuer) && !string.Equals(issuer.Trim().TrimEnd('/'), preset.Issuer, StringComparison.Ordinal))
            throw new DomainException($"A {preset.TypeName} provider has a fixed issuer; leave issuer out.", "issuer");
        return preset.Issuer;
    }

    /// <summary>The scopes asked for: the given ones or the preset's, with <c>openid</c> for an OpenID Connect provider.</summary>
    public static IReadOnlyList<string> ScopesFor(IdentityProviderType type, IReadOnlyList<string>? scopes)
    {
        var preset = Of(type);
        var list = IdentityProvider.ValidateScopes(scopes is { Count: > 0 } ? scopes : preset.DefaultScopes);
        if (preset.IsOpenIdConnect && !list.Contains("openid", StringComparer.Ordinal))
            list.Insert(0, "openid");
        return list;
    }
}
