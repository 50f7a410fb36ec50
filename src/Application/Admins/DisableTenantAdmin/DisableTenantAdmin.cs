using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using Mediator;

namespace AlexaLinkHub.Application.Admins;

/// <summary>An owner stops a member from administering this tenant (their account and other tenants are untouched), at
/// once: rights are read on every request. Never the last active owner.</summary>
public sealed record DisableTenantAdmin(Guid AdminId) : ICommand, ITenantAdminRequest, ITenantOwnerRequest, IStepUpRequest;

public sealed class DisableTenantAdminHandler(TenantTeams teams, IAuditLog audit) : ICommandHandler<DisableTenantAdmin>
{
    public async ValueTask<Unit> Handle(DisableTenantAdmin command, CancellationToken cancellationToken)
    {
        var (team, member) = await teams.MemberAsync(command.AdminId, cancellationToken);
        team.Disable(member);
        audit.Record(AuditActions.AdminDisabled, AuditTarget.Admin(member.Email));
        return Unit.Value;
    }
}
