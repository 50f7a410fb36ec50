using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.OAuth;
using AlexaLinkHub.Domain.Skills;

namespace AlexaLinkHub.Application.Skills;

public sealed record SkillScopeDto(string Name, string Description);

/// <summary>A skill as the admin API shows it — never with its secret. The URIs are what the vendor pastes into the
/// Alexa developer console.</summary>
public sealed record SkillDto(
    Guid Id,
    string ClientId,
    string Name,
    string GrantType,
    IReadOnlyList<SkillScopeDto> Scopes,
    IReadOnlyList<string> Domains,
    IReadOnlyList<string> RedirectUrls,
    int AccessTokenLifetimeSeconds,
    int RefreshTokenLifetimeSeconds,
    bool Enabled,
    string AuthorizationUri,
    string TokenUri,
    string IntrospectionUri,
    string RevocationUri,
    string UserInfoUri,
    IReadOnlyList<string> ClientAuthenticationSchemes,
    DateTimeOffset? PreviousSecretValidUntil,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Alexa's console offers "HTTP Basic" and "Credentials in request body"; both are accepted.</summary>
    public static readonly IReadOnlyList<string> SupportedClientAuthenticationSchemes = ["HTTP Basic", "Credentials in request body"];

    public static SkillDto From(Skill skill, string tenantSlug, IPublicUrls urls, DateTimeOffset now) => new(
        skill.Id,
        skill.ClientId,
        skill.Name,
        skill.GrantType.ToWire(),
        skill.Scopes.Select(s => new SkillScopeDto(s.Name, s.Description)).ToList(),
        skill.Domains,
        skill.RedirectUrls,
        skill.AccessTokenLifetimeSeconds,
        skill.RefreshTokenLifetimeSeconds,
        skill.Enabled,
        urls.TenantUrl(tenantSlug, OAuthEndpoints.Authorization),
        urls.TenantUrl(tenantSlug, OAuthEndpoints.Token),
        urls.TenantUrl(tenantSlug, OAuthEndpoints.Introspection),
        urls.TenantUrl(tenantSlug, OAuthEndpoints.Revocation),
        urls.TenantUrl(tenantSlug, OAuthEndpoints.UserInfo),
        SupportedClientAuthenticationSchemes,
        skill.IsPreviousSecretValid(now) ? skill.PreviousSecretValidUntil : null,
        skill.CreatedAt,
        skill.UpdatedAt);
}

/// <summary>The answer to a registration: the skill plus its client secret, shown this once.</summary>
public sealed record RegisteredSkillDto(SkillDto Skill, string ClientSecret);
