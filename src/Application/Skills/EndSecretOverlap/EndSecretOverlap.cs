using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using Mediator;

namespace AlexaLinkHub.Application.Skills;

/// <summary>Stops accepting the previous client secret now (the vendor has updated the Alexa console, or it leaked).</summary>
public sealed record EndSecretOverlap(string ClientId) : ICommand, ITenantAdminRequest;

public sealed class EndSecretOverlapHandler(ISkillRepository skills, IAuditLog audit, TimeProvider clock) : ICommandHandler<EndSecretOverlap>
{
    public async ValueTask<Unit> Handle(EndSecretOverlap command, CancellationToken cancellationToken)
    {
        var skill = await skills.FindByClientIdAsync(command.ClientId, cancellationToken) ?? throw new NotFoundException("Skill not found.");
        skill.EndSecretOverlap(clock.GetUtcNow());
        audit.Record(AuditActions.SkillSecretOverlapEnded, AuditTarget.Skill(skill.ClientId));
        return Unit.Value;
    }
}
