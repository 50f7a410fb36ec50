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
    public static GrantType ParsedGrantType(this ISkillSettings settings) => GrantTypeNames.Parse(settings.GrantType);

    public static IReadOnlyList<SkillScope> ParsedScopes(this ISkillSettings settings) =>
        (settings.Scopes ?? []).Select((s, i) => SkillScope.Create(s.Name, s.Description, i)).ToList();

    public static TimeSpan? ParsedLifetime(this ISkillSettings settings) =>
        settings.AccessTokenLifetimeSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    public static TimeSpan? ParsedRefreshLifetime(this ISkillSettings settings) =>
        settings.RefreshTokenLifetimeSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
}

/// <summary>The skill's own rules (<see cref="Skill"/>, <see cref="SkillScope"/>, <see cref="SkillDomain"/>,
/// <see cref="WebUrl"/>), run field by field so that every bad field is reported at once, each with the rule's one message.</summary>
public sealed class SkillSettingsRules<T> : AbstractValidator<T>
    where T : ISkillSettings
{
    public SkillSettingsRules()
    {
        RuleFor(x => x.Name).SatisfiesDomain(name => Skill.ValidateName(name));
        RuleFor(x => x.GrantType).SatisfiesDomain(grantType => GrantTypeNames.Parse(grantType));
        RuleFor(x => x.Scopes).SatisfiesDomain(scopes => Skill.CheckScopeCount(scopes?.Count ?? 0));
        RuleFor(x => x.Scopes).EachSatisfiesDomain((scope, i) => SkillScope.Create(scope?.Name, scope?.Description, i));
        RuleFor(x => x.Scopes).SatisfiesDomain(scopes => Skill.CheckDistinctScopes((scopes ?? []).Select(s => s?.Name)));
        RuleFor(x => x.Domains).SatisfiesDomain(domains => Skill.CheckDomainCount(domains?.Count ?? 0));
        RuleFor(x => x.Domains).EachSatisfiesDomain((domain, i) => SkillDomain.Validate(domain, i));
        RuleFor(x => x.RedirectUrls).SatisfiesDomain(urls => Skill.CheckRedirectUrlCount(urls?.Count ?? 0));
        RuleFor(x => x.RedirectUrls).EachSatisfiesDomain((url, i) => WebUrl.RequireHttps(url, $"redirectUrls[{i}]"));
        RuleFor(x => x.AccessTokenLifetimeSeconds)
            .SatisfiesDomain(seconds => Skill.CheckAccessTokenLifetime(TimeSpan.FromSeconds(seconds!.Value)))
            .When(x => x.AccessTokenLifetimeSeconds is not null);
        RuleFor(x => x.RefreshTokenLifetimeSeconds)
            .SatisfiesDomain(seconds => Skill.CheckRefreshTokenLifetime(TimeSpan.FromSeconds(seconds!.Value)))
            .When(x => x.RefreshTokenLifetimeSeconds is not null);
    }
}
