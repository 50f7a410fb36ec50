using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.Admins;

/// <summary>An admin's right to administer one tenant. Part of the <see cref="AdminUser"/> aggregate.</summary>
[GlobalEntity("Read with its admin at sign-in, before a tenant is chosen; every use checks the tenant explicitly.")]
public sealed class AdminMembership
{
    internal AdminMembership(Guid adminUserId, Guid tenantId, DateTimeOffset createdAt)
    {
        AdminUserId = adminUserId;
        TenantId = tenantId;
        CreatedAt = createdAt;
    }

    public Guid AdminUserId { get; private set; }
    public Guid TenantId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
