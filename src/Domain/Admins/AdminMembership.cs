using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.Admins;

/// <summary>An admin's right to administer one tenant. Part of the <see cref="AdminUser"/> aggregate.</summary>
[GlobalEntity("Read with its admin at sign-in, before a tenant is chosen; every use checks the tenant explicitly.")]
public sealed class AdminMembership
{
    internal AdminMembership(Guid adminUserId, Guid tenantId, AdminRole role, DateTimeOffset createdAt)
    {
        AdminUserId = adminUserId;
        TenantId = tenantId;
        Role = role;
        Enabled = true;
        CreatedAt = createdAt;
    }

    public Guid AdminUserId { get; private set; }
    public Guid TenantId { get; private set; }
    public AdminRole Role { get; private set; }

    /// <summary>Disabled by the tenant's owners: the admin keeps their account (and other tenants) but not this one.</summary>
    public bool Enabled { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    internal void ChangeRole(AdminRole role) => Role = Enum.IsDefined(role) ? role : throw new DomainException("Unknown role.", "role");

    internal void SetEnabled(bool enabled) => Enabled = enabled;
}
