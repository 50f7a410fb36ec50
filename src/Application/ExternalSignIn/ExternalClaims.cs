using System.Text.Json;
using AlexaLinkHub.Domain.ExternalSignIn;

namespace AlexaLinkHub.Application.ExternalSignIn;

/// <summary>Maps what a provider says about the user (id_token claims, or an OAuth 2.0 user endpoint's JSON) to an
/// <see cref="ExternalIdentity"/>. An email counts as verified only when the provider asserts it.</summary>
public static class ExternalClaims
{
    public static ExternalIdentity? Map(IdentityProviderType type, JsonElement claims)
    {
        var subject = type switch
        {
            IdentityProviderType.Amazon => Text(claims, "user_id"),
            IdentityProviderType.Facebook => Text(claims, "id"),
            _ => Text(claims, "sub"),
        };
        if (string.IsNullOrEmpty(subject))
            return null;
        var email = Text(claims, "email");
        // Login with Amazon and Facebook do not say whether an email is verified: treat it as unverified (an existing
        // account with that email is then connected only after a password proof, which we require anyway).
        var verified = type is not (IdentityProviderType.Amazon or IdentityProviderType.Facebook) && Bool(claims, "email_verified");
        return new ExternalIdentity(subject, string.IsNullOrWhiteSpace(email) ? null : email.Trim(), verified && !string.IsNullOrWhiteSpace(email), Text(claims, "name"));
    }

    private static string? Text(JsonElement claims, string name) =>
        claims.ValueKind == JsonValueKind.Object && claims.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    // Apple sends email_verified as the string "true".
    private static bool Bool(JsonElement claims, string name) =>
        claims.ValueKind == JsonValueKind.Object && claims.TryGetProperty(name, out var value)
        && (value.ValueKind == JsonValueKind.True || (value.ValueKind == JsonValueKind.String && string.Equals(value.GetString(), "true", StringComparison.OrdinalIgnoreCase)));
}
