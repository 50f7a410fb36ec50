using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Application.Skills;
using Mediator;

namespace AlexaLinkHub.Application.Accounts;

/// <summary>The skills the signed-in end user has linked, by skill name, with the access each was given.</summary>
public sealed record ListMyLinkedSkills : IQuery<IReadOnlyList<MyLinkedSkill>>, IEndUserRequest;

public sealed record MyLinkedSkill(string ClientId, string SkillName, IReadOnlyList<string> Access, DateTimeOffset LinkedAt);

public sealed class ListMyLinkedSkillsHandler(IAccountLinkRepository links, ISkillRepository skills, ICurrentActor actor)
    : IQueryHandler<ListMyLinkedSkills, IReadOnlyList<MyLinkedSkill>>
{
    public async ValueTask<IReadOnlyList<MyLinkedSkill>> Handle(ListMyLinkedSkills query, CancellationToken cancellationToken)
    {
        var live = await links.ListActiveAsync(actor.EndUserId!.Value, null, cancellationToken);
        var bySkill = (await skills.ListAsync(cancellationToken)).ToDictionary(s => s.Id);
        return live
            .Where(l => bySkill.ContainsKey(l.SkillId))
            .GroupBy(l => l.SkillId)
            .Select(g =>
            {
                var skill = bySkill[g.Key];
                var granted = g.SelectMany(l => l.Scopes).ToHashSet(StringComparer.Ordinal);
                var access = skill.Scopes.Where(s => granted.Contains(s.Name)).Select(s => s.Description).ToList();
                return new MyLinkedSkill(skill.ClientId, skill.Name, access, g.Min(l => l.LinkedAt));
            })
            .OrderBy(s => s.SkillName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }
}
