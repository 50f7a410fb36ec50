using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using Mediator;

namespace AlexaLinkHub.Application.Skills;

/// <summary>Disables a skill: it becomes an unknown client for linking and its tokens stop working.</summary>
public sealed record DisableSkill(string ClientId) : ICommand, ITenantAdminRequest;

public sealed class DisableSkillHandler(ISkillRepository skills, IAuditLog audit, TimeProvider clock) : ICommandHandler<DisableSkill>
{
    public async ValueTask<Unit> Handle(DisableSkill command, CancellationToken cancellationToken)
    {
        var skill = await skills.FindByClientIdAsync(command.ClientId, cancellationToken) ?? throw new NotFoundException("Skill not found.");
        if (!skill.Enabled)
            return Unit.Value;
        skill.Disable(clock.GetUtcNow());
        audit.Record(AuditActions.SkillDisabled, AuditTarget.Skill(skill.ClientId));
        return Unit.Value;
    }
}
