using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.Admins;

/// <summary>The people who administer one tenant, and the rule that spans them: a tenant always keeps an active owner
/// (an enabled membership with a password chosen), so no change to roles, disabling or removal can leave it without
/// somebody who manages its team. Platform admins are not members: they reach every tenant anyway.</summary>
public sealed class TenantTeam
{
    public const string LastOwnerMessage = "This is the tenant's last owner: make someone else an owner first.";

    private readonly Guid _tenantId;
    private readonly IReadOnlyList<AdminUser> _members;

    public TenantTeam(Guid tenantId, IReadOnlyList<AdminUser> members)
    {
        if (tenantId == Guid.Empty)
            throw new DomainException("A team belongs to a tenant.");
        _tenantId = tenantId;
        _members = members.Where(m => m.MembershipOf(tenantId) is not null).ToList();
    }

    public IReadOnlyList<AdminUser> Members => _members;

    /// <summary>The member with this id, or null when they are not on this tenant's team.</summary>
    public AdminUser? Find(Guid adminId) => _members.FirstOrDefault(m => m.Id == adminId);

    public AdminRole RoleOf(AdminUser member) => MembershipOf(member).Role;

    public void ChangeRole(AdminUser member, AdminRole role)
    {
        var membership = MembershipOf(member);
        if (membership.Role == AdminRole.Owner && role != AdminRole.Owner)
            KeepAnotherOwner(member);
        membership.ChangeRole(role);
    }

    public void Disable(AdminUser member)
    {
        var membership = MembershipOf(member);
        KeepAnotherOwner(member);
        membership.SetEnabled(false);
    }

    public void Enable(AdminUser member) => MembershipOf(member).SetEnabled(true);

    public void Remove(AdminUser member)
    {
        MembershipOf(member);
        KeepAnotherOwner(member);
        member.RemoveMembership(_tenantId);
    }

    private AdminMembership MembershipOf(AdminUser member) =>
        _members.Contains(member) ? member.MembershipOf(_tenantId)! : throw new DomainException("Not a member of this tenant's team.");

    private bool IsActiveOwner(AdminUser admin) =>
        admin.Enabled && !admin.IsInvitationPending && admin.MembershipOf(_tenantId) is { Role: AdminRole.Owner, Enabled: true };

    private void KeepAnotherOwner(AdminUser leaving)
    {
        if (IsActiveOwner(leaving) && !_members.Any(m => m.Id != leaving.Id && IsActiveOwner(m)))
            throw new DomainException(LastOwnerMessage, "role");
    }
}
