using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.Admins;

/// <summary>A bearer key for the admin API. Platform keys (no tenant) reach every tenant; tenant keys reach one.
/// Only a hash is stored; the key is shown once.</summary>
[GlobalEntity("Looked up by hash while authenticating, before the tenant of the request is known; tenant checks are explicit.")]
public sealed class ApiKey
{
    public const int NameMaxLength = 100;

    private ApiKey()
    {
        Name = null!;
        Prefix = null!;
        KeyHash = null!;
    }

    public Guid Id { get; private set; }

    /// <summary>Null for a platform key.</summary>
    public Guid? TenantId { get; private set; }
    public string Name { get; private set; }

    /// <summary>The first characters of the key, safe to show so an admin can tell keys apart.</summary>
    public string Prefix { get; private set; }
    public string KeyHash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }

    /// <summary>What a tenant key may do in its tenant: <see cref="AdminRole.Admin"/> or <see cref="AdminRole.Viewer"/>
    /// (a platform key reaches everything, and says admin).</summary>
    public AdminRole Role { get; private set; }

    public bool IsPlatformKey => TenantId is null;
    public bool IsActive => RevokedAt is null;

    public static ApiKey CreatePlatformKey(string name, string prefix, string keyHash, DateTimeOffset now) =>
        New(null, name, AdminRole.Admin, prefix, keyHash, now);

    public static ApiKey CreateTenantKey(Guid tenantId, string name, AdminRole role, string prefix, string keyHash, DateTimeOffset now)
    {
        if (tenantId == Guid.Empty)
            throw new DomainException("A tenant key names a tenant.");
        return New(tenantId, name, ValidateRole(role), prefix, keyHash, now);
    }

    /// <summary>A tenant key acts for automation: it is an admin or a viewer, and only people own a tenant.</summary>
    public static AdminRole ValidateRole(AdminRole role) =>
        role is AdminRole.Admin or AdminRole.Viewer ? role : throw new DomainException("An API key is an admin or a viewer; only people own a tenant.", "role");

    public bool CanAccess(Guid tenantId) => IsActive && (IsPlatformKey || TenantId == tenantId);

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public void MarkUsed(DateTimeOffset now) => LastUsedAt = now;

    public static string ValidateName(string? name) => Guard.Text(name, "Name", NameMaxLength);

    private static ApiKey New(Guid? tenantId, string name, AdminRole role, string prefix, string keyHash, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(keyHash) || string.IsNullOrWhiteSpace(prefix))
            throw new DomainException("A key hash and prefix are required.");
        return new ApiKey
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            Name = ValidateName(name),
            Role = role,
            Prefix = prefix,
            KeyHash = keyHash,
            CreatedAt = now,
        };
    }
}
