using AlexaLinkHub.Application.Common.Behaviours;
using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.Skills;
using FluentValidation;

namespace AlexaLinkHub.Application.Skills;

/// <summary>The configurable part of a skill, shared by registration and update.</summary>
public interface ISkillSettings
{
    string Name { get; }
    string GrantType { get; }
    IReadOnlyList<SkillScopeDto>? Scopes { get; }
    IReadOnlyList<string>? Domains { get; }
    IReadOnlyList<string>? RedirectUrls { get; }
    int? AccessTokenLifetimeSeconds { get; }
    int? RefreshTokenLifetimeSeconds { get; }
}

public static class SkillSettingsExtensions
{
    public static GrantType ParsedGrantType(this ISkillSettings settings) =>
        GrantTypeNames.TryParse(settings.GrantType, out var grantType) ? grantType : throw new DomainException("Unknown grant type.", "grantType");

    public static IReadOnlyList<SkillScope> ParsedScopes(this ISkillSettings settings) =>
        (settings.Scopes ?? []).Select((s, i) => SkillScope.Create(s.Name, s.Description, i)).ToList();

    public static TimeSpan? ParsedLifetime(this ISkillSettings settings) =>
        settings.AccessTokenLifetimeSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    public static TimeSpan? ParsedRefreshLifetime(this ISkillSettings settings) =>
        settings.RefreshTokenLifetimeSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
}

/// <summary>Field-by-field checks with the limits spelled out; the entity re-checks the same rules.</summary>
public sealed class SkillSettingsRules<T> : AbstractValidator<T>
    where T : ISkillSettings
{
    public SkillSettingsRules()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Name is required.").MaximumLength(Skill.NameMaxLength);
        RuleFor(x => x.GrantType)
            .Must(g => GrantTypeNames.TryParse(g, out _))
            .WithMessage($"grantType must be '{GrantTypeNames.Implicit}' or '{GrantTypeNames.AuthorizationCode}'.");
        RuleFor(x => x.Scopes)
            .Must(s => s is null || s.Count <= Skill.MaxScopes)
            .WithMessage(s => $"A skill can have at most {Skill.MaxScopes} scopes (Alexa's limit); {s.Scopes!.Count} were given.");
        RuleFor(x => x.Scopes).EachSatisfiesDomain((scope, i) => SkillScope.Create(scope?.Name, scope?.Description, i));
        RuleFor(x => x.Scopes)
            .Must(s => s is null || s.Select(x => x?.Name).Distinct(StringComparer.Ordinal).Count() == s.Count)
            .WithMessage("Each scope may be listed once.");
        RuleFor(x => x.Domains)
            .Must(d => d is null || d.Count <= Skill.MaxDomains)
            .WithMessage(s => $"A skill can have at most {Skill.MaxDomains} domains (Alexa's limit); {s.Domains!.Count} were given.");
        RuleFor(x => x.Domains).EachSatisfiesDomain((domain, i) => SkillDomain.Validate(domain, i));
        RuleFor(x => x.RedirectUrls)
            .Must(r => r is { Count: > 0 })
            .WithMessage("At least one redirect URL is required (copy them from the Alexa console).")
            .Must(r => r is null || r.Count <= Skill.MaxRedirectUrls)
            .WithMessage($"A skill can have at most {Skill.MaxRedirectUrls} redirect URLs.");
        RuleFor(x => x.RedirectUrls).EachSatisfiesDomain((url, i) => WebUrl.RequireHttps(url, $"redirectUrls[{i}]"));
        RuleFor(x => x.AccessTokenLifetimeSeconds)
            .InclusiveBetween((int)Skill.MinAccessTokenLifetime.TotalSeconds, (int)Skill.MaxAccessTokenLifetime.TotalSeconds)
            .When(x => x.AccessTokenLifetimeSeconds is not null)
            .WithMessage($"accessTokenLifetimeSeconds must be between {(int)Skill.MinAccessTokenLifetime.TotalSeconds} (Alexa's minimum) and {(int)Skill.MaxAccessTokenLifetime.TotalSeconds}.");
        RuleFor(x => x.RefreshTokenLifetimeSeconds)
            .InclusiveBetween((int)Skill.MinRefreshTokenLifetime.TotalSeconds, (int)Skill.MaxRefreshTokenLifetime.TotalSeconds)
            .When(x => x.RefreshTokenLifetimeSeconds is not null)
            .WithMessage($"refreshTokenLifetimeSeconds must be between {(int)Skill.MinRefreshTokenLifetime.TotalSeconds} (one day) and {(int)Skill.MaxRefreshTokenLifetime.TotalSeconds} (ten years).");
    }
}
