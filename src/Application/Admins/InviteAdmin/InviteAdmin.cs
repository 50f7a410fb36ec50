using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Domain.Admins;
using Mediator;

namespace AlexaLinkHub.Application.Admins;

/// <summary>Gives someone the right to administer the tenant in scope, by email. A new person gets an invitation link
/// to choose a password; an existing admin simply gains the tenant (an admin may administer several). The role is chosen
/// by an owner: <c>owner</c>, <c>admin</c> (the default) or <c>viewer</c>.</summary>
public sealed record InviteAdmin : ICommand<InvitationOutcome>, ITenantAdminRequest, ITenantOwnerRequest
{
    public required string Email { get; init; }

    public string? Role { get; init; }
}

public enum InvitationOutcome
{
    Invited,
    MembershipAdded,
    AlreadyAdmin,
}

public sealed class InviteAdminHandler(ITenantRepository tenants, ITenantContext scope, AdminInvitations invitations)
    : ICommandHandler<InviteAdmin, InvitationOutcome>
{
    public async ValueTask<InvitationOutcome> Handle(InviteAdmin command, CancellationToken cancellationToken)
    {
        var tenant = await tenants.FindByIdAsync(scope.RequiredTenantId, cancellationToken) ?? throw new NotFoundException("Tenant not found.");
        var role = string.IsNullOrWhiteSpace(command.Role) ? AdminRole.Admin : AdminRoles.Parse(command.Role);
        return await invitations.InviteAsync(tenant, command.Email, role, cancellationToken);
    }
}
