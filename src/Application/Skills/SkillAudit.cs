using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Skills;

namespace AlexaLinkHub.Application.Skills;

internal static class SkillAudit
{
    /// <summary>What an audit reader needs to see about a skill's configuration — never its secret.</summary>
    public static AuditDetails Describe(Skill skill) =>
        AuditDetails.Of("name", skill.Name).And("grantType", skill.GrantType.ToWire()).And("scopes", skill.Scopes.Select(s => s.Name))
            .And("domains", skill.Domains.Count).And("redirectUrls", skill.RedirectUrls)
            .And("accessTokenLifetimeSeconds", skill.AccessTokenLifetimeSeconds).And("refreshTokenLifetimeSeconds", skill.RefreshTokenLifetimeSeconds);
}
