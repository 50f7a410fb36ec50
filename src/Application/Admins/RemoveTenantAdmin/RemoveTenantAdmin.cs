using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using Mediator;

namespace AlexaLinkHub.Application.Admins;

/// <summary>An owner takes a member off this tenant's team (their admin account stays, for their other tenants or a
/// later invitation). Never the last active owner.</summary>
public sealed record RemoveTenantAdmin(Guid AdminId) : ICommand, ITenantAdminRequest, ITenantOwnerRequest, IStepUpRequest;

public sealed class RemoveTenantAdminHandler(TenantTeams teams, IAuditLog audit) : ICommandHandler<RemoveTenantAdmin>
{
    public async ValueTask<Unit> Handle(RemoveTenantAdmin command, CancellationToken cancellationToken)
    {
        var (team, member) = await teams.MemberAsync(command.AdminId, cancellationToken);
        team.Remove(member);
        audit.Record(AuditActions.AdminRemoved, AuditTarget.Admin(member.Email));
        return Unit.Value;
    }
}
