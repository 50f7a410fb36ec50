using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Admins;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Tenants;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.Admins;

/// <summary>The one way someone is given a tenant to administer — by one of its admins (<see cref="InviteAdmin"/>) or
/// by a platform admin onboarding the tenant (<see cref="Tenants.OnboardTenant"/>): a new person gets an invitation link
/// to choose a password, an existing admin simply gains the tenant. Audited in that tenant's trail.</summary>
public sealed class AdminInvitations(
    IAdminUserRepository admins,
    IAdminTokens tokens,
    IEmailOutbox outbox,
    IPublicUrls urls,
    IAuditLog audit,
    IOptions<AdminSignInOptions> options,
    TimeProvider clock)
{
    public async Task<InvitationOutcome> InviteAsync(Tenant tenant, string email, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var admin = await admins.FindByEmailAsync(email, cancellationToken);
        if (admin is not null && admin.CanAdminister(tenant.Id) && !admin.IsInvitationPending)
            return InvitationOutcome.AlreadyAdmin;

        if (admin is null)
        {
            admin = AdminUser.Invite(email, tenant.Id, now);
            admins.Add(admin);
            audit.Record(AuditActions.AdminInvited, AuditTarget.Admin(admin.Email), tenantId: tenant.Id);
        }
        else
        {
            admin.AddMembership(tenant.Id, now);
            audit.Record(admin.IsInvitationPending ? AuditActions.AdminInvited : AuditActions.AdminMembershipAdded, AuditTarget.Admin(admin.Email), tenantId: tenant.Id);
        }

        if (admin.IsInvitationPending)
        {
            var link = $"{AdminUrl(urls)}invitation?token={Uri.EscapeDataString(tokens.CreateInvitation(admin))}";
            outbox.Enqueue(AdminEmails.Invitation(tenant, admin.Email, link, options.Value.InvitationLifetime));
            return InvitationOutcome.Invited;
        }

        outbox.Enqueue(AdminEmails.MembershipAdded(tenant, admin.Email, $"{AdminUrl(urls)}t/{tenant.Slug}"));
        return InvitationOutcome.MembershipAdded;
    }

    private static string AdminUrl(IPublicUrls urls) => $"{urls.BaseUrl.ToString().TrimEnd('/')}/admin/";
}
