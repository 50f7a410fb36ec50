using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using Mediator;

namespace AlexaLinkHub.Application.Admins;

/// <summary>An owner lets a disabled member administer this tenant again, with the role they had.</summary>
public sealed record EnableTenantAdmin(Guid AdminId) : ICommand, ITenantAdminRequest, ITenantOwnerRequest;

public sealed class EnableTenantAdminHandler(TenantTeams teams, IAuditLog audit) : ICommandHandler<EnableTenantAdmin>
{
    public async ValueTask<Unit> Handle(EnableTenantAdmin command, CancellationToken cancellationToken)
    {
        var (team, member) = await teams.MemberAsync(command.AdminId, cancellationToken);
        team.Enable(member);
        audit.Record(AuditActions.AdminEnabled, AuditTarget.Admin(member.Email));
        return Unit.Value;
    }
}
