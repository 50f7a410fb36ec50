using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Admins;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Tenants;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.Admins;

/// <summary>The one way someone is given a tenant to administer — by one of its admins (<see cref="InviteAdmin"/>) or
/// by a platform admin onboarding the tenant (<see cref="Tenants.OnboardTenant"/>, as its owner): a new person gets an
/// invitation link to choose a password, an existing admin simply gains the tenant, with <c>role</c>. Someone already on
/// the team keeps their role (changing it is <see cref="ChangeAdminRole"/>). Audited in that tenant's trail.</summary>
public sealed class AdminInvitations(
    IAdminUserRepository admins,
    IAdminTokens tokens,
    IEmailOutbox outbox,
    IPublicUrls urls,
    IAuditLog audit,
    IOptions<AdminSignInOptions> options,
    TimeProvider clock)
{
    public async Task<InvitationOutcome> InviteAsync(Tenant tenant, string email, AdminRole role, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var admin = await admins.FindByEmailAsync(email, cancellationToken);
        if (admin is not null && (admin.IsPlatformAdmin || admin.MembershipOf(tenant.Id) is not null) && !admin.IsInvitationPending)
            return InvitationOutcome.AlreadyAdmin;

        var details = AuditDetails.Of("role", role.Name());
        if (admin is null)
        {
            admin = AdminUser.Invite(email, tenant.Id, role, now);
            admins.Add(admin);
            audit.Record(AuditActions.AdminInvited, AuditTarget.Admin(admin.Email), details, tenantId: tenant.Id);
        }
        else
        {
            admin.AddMembership(tenant.Id, role, now);
            audit.Record(admin.IsInvitationPending ? AuditActions.AdminInvited : AuditActions.AdminMembershipAdded, AuditTarget.Admin(admin.Email), details, tenantId: tenant.Id);
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
