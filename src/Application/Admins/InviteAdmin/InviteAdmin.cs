using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Domain.Admins;
using AlexaLinkHub.Domain.Audit;
using Mediator;

namespace AlexaLinkHub.Application.Admins;

/// <summary>Gives someone the right to administer the tenant in scope, by email. A new person gets an invitation link
/// to choose a password; an existing admin simply gains the tenant (an admin may administer several).</summary>
public sealed record InviteAdmin : ICommand<InvitationOutcome>, ITenantAdminRequest
{
    public required string Email { get; init; }
}

public enum InvitationOutcome
{
    Invited,
    MembershipAdded,
    AlreadyAdmin,
}

public sealed class InviteAdminHandler(
    IAdminUserRepository admins,
    ITenantRepository tenants,
    ITenantContext scope,
    IAdminTokens tokens,
    IEmailOutbox outbox,
    IPublicUrls urls,
    IAuditLog audit,
    TimeProvider clock) : ICommandHandler<InviteAdmin, InvitationOutcome>
{
    public async ValueTask<InvitationOutcome> Handle(InviteAdmin command, CancellationToken cancellationToken)
    {
        var tenant = await tenants.FindByIdAsync(scope.RequiredTenantId, cancellationToken) ?? throw new NotFoundException("Tenant not found.");
        var now = clock.GetUtcNow();
        var admin = await admins.FindByEmailAsync(command.Email, cancellationToken);
        if (admin is not null && admin.CanAdminister(tenant.Id) && !admin.IsInvitationPending)
            return InvitationOutcome.AlreadyAdmin;

        if (admin is null)
        {
            admin = AdminUser.Invite(command.Email, tenant.Id, now);
            admins.Add(admin);
            audit.Record(AuditActions.AdminInvited, $"admin:{admin.Email}");
        }
        else
        {
            admin.AddMembership(tenant.Id, now);
            audit.Record(admin.IsInvitationPending ? AuditActions.AdminInvited : AuditActions.AdminMembershipAdded, $"admin:{admin.Email}");
        }

        if (admin.IsInvitationPending)
        {
            var link = $"{AdminUrl(urls)}invitation?token={Uri.EscapeDataString(tokens.CreateInvitation(admin))}";
            outbox.Enqueue(AdminEmails.Invitation(tenant, admin.Email, link));
            return InvitationOutcome.Invited;
        }

        outbox.Enqueue(AdminEmails.MembershipAdded(tenant, admin.Email, $"{AdminUrl(urls)}t/{tenant.Slug}"));
        return InvitationOutcome.MembershipAdded;
    }

    private static string AdminUrl(IPublicUrls urls) => $"{urls.BaseUrl.ToString().TrimEnd('/')}/admin/";
}
