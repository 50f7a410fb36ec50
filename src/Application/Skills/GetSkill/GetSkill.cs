using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using Mediator;

namespace AlexaLinkHub.Application.Skills;

public sealed record GetSkill(string ClientId) : IQuery<SkillDto>, ITenantAdminRequest;

public sealed class GetSkillHandler(ISkillRepository skills, ITenantContext scope, IPublicUrls urls, TimeProvider clock)
    : IQueryHandler<GetSkill, SkillDto>
{
    public async ValueTask<SkillDto> Handle(GetSkill query, CancellationToken cancellationToken)
    {
        var skill = await skills.FindByClientIdAsync(query.ClientId, cancellationToken) ?? throw new NotFoundException("Skill not found.");
        return SkillDto.From(skill, scope.TenantSlug!, urls, clock.GetUtcNow());
    }
}
