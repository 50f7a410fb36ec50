using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Users;

namespace AlexaLinkHub.Application.LegacySignIns;

/// <summary>The tenant's legacy sign-in settings. <see cref="Secret"/> (<c>whsec_…</c>) is set only in the answer that
/// created it or rotated it.</summary>
public sealed record LegacySignInDto(
    string Url,
    bool Enabled,
    DateTimeOffset SecretCreatedAt,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Secret = null)
{
    public static LegacySignInDto From(LegacySignIn endpoint, string? secret = null) =>
        new(endpoint.Url, endpoint.Enabled, endpoint.SecretCreatedAt, secret);
}

/// <summary>The outcome of "test the endpoint": a made-up account should be refused (401 or 404).</summary>
public sealed record LegacySignInTestDto(bool Ok, int? StatusCode, int DurationMs, string Message);

internal static class LegacySignInAudit
{
    /// <summary>The URL without its query: a vendor may have put a token there.</summary>
    public static AuditDetails Describe(LegacySignIn endpoint) =>
        AuditDetails.Of("url", new Uri(endpoint.Url).GetLeftPart(UriPartial.Path)).And("enabled", endpoint.Enabled);
}
