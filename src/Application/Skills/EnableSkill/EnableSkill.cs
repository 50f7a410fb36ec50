using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using Mediator;

namespace AlexaLinkHub.Application.Skills;

public sealed record EnableSkill(string ClientId) : ICommand, ITenantAdminRequest;

public sealed class EnableSkillHandler(ISkillRepository skills, IAuditLog audit, TimeProvider clock) : ICommandHandler<EnableSkill>
{
    public async ValueTask<Unit> Handle(EnableSkill command, CancellationToken cancellationToken)
    {
        var skill = await skills.FindByClientIdAsync(command.ClientId, cancellationToken) ?? throw new NotFoundException("Skill not found.");
        if (skill.Enabled)
            return Unit.Value;
        skill.Enable(clock.GetUtcNow());
        audit.Record(AuditActions.SkillEnabled, AuditTarget.Skill(skill.ClientId));
        return Unit.Value;
    }
}
