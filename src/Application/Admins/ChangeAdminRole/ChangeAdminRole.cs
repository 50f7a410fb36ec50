using AlexaLinkHub.Application.Common.Behaviours;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Admins;
using AlexaLinkHub.Domain.Audit;
using FluentValidation;
using Mediator;

namespace AlexaLinkHub.Application.Admins;

/// <summary>An owner gives a member of the team another role (<c>owner</c>, <c>admin</c>, <c>viewer</c>). The tenant's
/// last active owner stays an owner (<see cref="TenantTeam"/>). It takes effect at the member's next request.</summary>
public sealed record ChangeAdminRole(Guid AdminId, string Role) : ICommand, ITenantAdminRequest, ITenantOwnerRequest, IStepUpRequest;

public sealed class ChangeAdminRoleValidator : AbstractValidator<ChangeAdminRole>
{
    public ChangeAdminRoleValidator() => RuleFor(x => x.Role).SatisfiesDomain(role => AdminRoles.Parse(role));
}

public sealed class ChangeAdminRoleHandler(TenantTeams teams, IAuditLog audit) : ICommandHandler<ChangeAdminRole>
{
    public async ValueTask<Unit> Handle(ChangeAdminRole command, CancellationToken cancellationToken)
    {
        var (team, member) = await teams.MemberAsync(command.AdminId, cancellationToken);
        var role = AdminRoles.Parse(command.Role);
        var before = team.RoleOf(member);
        if (before == role)
            return Unit.Value;
        team.ChangeRole(member, role);
        audit.Record(AuditActions.AdminRoleChanged, AuditTarget.Admin(member.Email), AuditDetails.Of("from", before.Name()).And("to", role.Name()));
        return Unit.Value;
    }
}
