using AlexaLinkHub.Domain.Skills;

namespace AlexaLinkHub.Application.Skills;

internal static class SkillAudit
{
    /// <summary>What an audit reader needs to see about a skill's configuration — never its secret.</summary>
    public static string Describe(Skill skill) =>
        $"name={skill.Name}; grantType={skill.GrantType.ToWire()}; scopes={string.Join(' ', skill.Scopes.Select(s => s.Name))}; " +
        $"domains={skill.Domains.Count}; redirectUrls={string.Join(' ', skill.RedirectUrls)}; accessTokenLifetimeSeconds={skill.AccessTokenLifetimeSeconds}; refreshTokenLifetimeSeconds={skill.RefreshTokenLifetimeSeconds}";
}
