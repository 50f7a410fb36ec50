using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Skills;
using Mediator;

namespace AlexaLinkHub.Application.Linking;

/// <summary>What the tenant's pages show and allow during a link flow for this skill: its name, the words for each
/// requested scope, and the hosts its pages may load from or send the browser to (for the Content-Security-Policy).
/// Null for an unknown or disabled skill.</summary>
public sealed record GetLinkContext(string ClientId, IReadOnlyList<string> RequestedScopes) : IQuery<LinkContext?>, ITenantPublicRequest;

public sealed record LinkContext(
    string ClientId,
    string SkillName,
    IReadOnlyList<SkillScopeDto> Scopes,
    IReadOnlyList<string> Domains,
    IReadOnlyList<string> RedirectOrigins);

public sealed class GetLinkContextHandler(ISkillRepository skills) : IQueryHandler<GetLinkContext, LinkContext?>
{
    public async ValueTask<LinkContext?> Handle(GetLinkContext query, CancellationToken cancellationToken)
    {
        var skill = await skills.FindClientAsync(query.ClientId, cancellationToken);
        if (skill is null)
            return null;
        var scopes = skill.Scopes.Where(s => query.RequestedScopes.Contains(s.Name, StringComparer.Ordinal))
            .Select(s => new SkillScopeDto(s.Name, s.Description)).ToList();
        var origins = skill.RedirectUrls.Select(u => new Uri(u).GetLeftPart(UriPartial.Authority)).Distinct(StringComparer.Ordinal).ToList();
        return new LinkContext(skill.ClientId, skill.Name, scopes, skill.Domains, origins);
    }
}
