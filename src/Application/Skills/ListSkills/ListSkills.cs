using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using Mediator;

namespace AlexaLinkHub.Application.Skills;

public sealed record ListSkills : IQuery<IReadOnlyList<SkillDto>>, ITenantAdminRequest;

public sealed class ListSkillsHandler(ISkillRepository skills, ITenantContext scope, IPublicUrls urls, TimeProvider clock)
    : IQueryHandler<ListSkills, IReadOnlyList<SkillDto>>
{
    public async ValueTask<IReadOnlyList<SkillDto>> Handle(ListSkills query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return (await skills.ListAsync(cancellationToken)).Select(s => SkillDto.From(s, scope.TenantSlug!, urls, now)).ToList();
    }
}
