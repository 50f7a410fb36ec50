using AlexaLinkHub.Application.Skills;

namespace AlexaLinkHub.Web.Api;

// The admin API's request bodies. Every member is optional here so that a missing field reaches the validators and
// comes back as a per-field message, instead of failing JSON binding with no detail.

public sealed record CreateTenantRequest(string? Slug, string? DisplayName);

public sealed record BrandingRequest(string? LogoUrl, string? PrimaryColor, string? BackgroundColor, string? SupportUrl, string? PrivacyUrl);

public sealed record PatchTenantRequest(string? DisplayName, string? Status, BrandingRequest? Branding, bool? SignUpEnabled, bool? EmailConfirmationRequired, bool? AdminsMustUseMfa = null);

public sealed record SkillRequest(
    string? Name,
    string? ClientId,
    string? GrantType,
    IReadOnlyList<SkillScopeDto>? Scopes,
    IReadOnlyList<string>? Domains,
    IReadOnlyList<string>? RedirectUrls,
    int? AccessTokenLifetimeSeconds,
    int? RefreshTokenLifetimeSeconds);

public sealed record RotateSecretRequest(int? OverlapSeconds);

public sealed record CreateUserRequest(string? Email, string? Password, string? DisplayName, string? ExternalId);

public sealed record CreateApiKeyRequest(string? Name, string? Role);

public sealed record RevokeAllRequest(string? Confirmation);

public sealed record RotateSigningKeyRequest(int? ActivateAfterSeconds);
