using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.Users;

namespace AlexaLinkHub.Domain.Admins;

/// <summary>Someone who runs the SaaS (platform admin) or a vendor's staff member (admin of one or more tenants).</summary>
[GlobalEntity("An admin signs in before any tenant is chosen and may administer several tenants.")]
public sealed class AdminUser
{
    /// <summary>Base64 of a single 0xFF byte: a hash format marker no hasher version uses, so no password matches it.</summary>
    public const string PendingPasswordHash = "/w==";

    private readonly List<AdminMembership> _memberships = [];

    private AdminUser()
    {
        Email = null!;
        NormalizedEmail = null!;
        PasswordHash = null!;
        SecurityStamp = null!;
    }

    public Guid Id { get; private set; }
    public string Email { get; private set; }
    public string NormalizedEmail { get; private set; }
    public string PasswordHash { get; private set; }
    public bool IsPlatformAdmin { get; private set; }
    public bool Enabled { get; private set; }
    public int AccessFailedCount { get; private set; }
    public DateTimeOffset? LockoutEnd { get; private set; }
    public string SecurityStamp { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyList<AdminMembership> Memberships => _memberships;

    /// <summary>Invited, and has not chosen a password yet (so cannot sign in).</summary>
    public bool IsInvitationPending => PasswordHash == PendingPasswordHash;

    public static AdminUser CreatePlatformAdmin(string email, string passwordHash, DateTimeOffset now)
    {
        var admin = New(email, passwordHash, now);
        admin.IsPlatformAdmin = true;
        return admin;
    }

    public static AdminUser CreateTenantAdmin(string email, string passwordHash, Guid tenantId, DateTimeOffset now)
    {
        var admin = New(email, passwordHash, now);
        admin.AddMembership(tenantId, now);
        return admin;
    }

    /// <summary>An admin invited by email: a member of the tenant, with no password until they accept the invitation.</summary>
    public static AdminUser Invite(string email, Guid tenantId, DateTimeOffset now) =>
        CreateTenantAdmin(email, PendingPasswordHash, tenantId, now);

    public void AddMembership(Guid tenantId, DateTimeOffset now)
    {
        if (tenantId == Guid.Empty)
            throw new DomainException("A membership names a tenant.");
        if (_memberships.Exists(m => m.TenantId == tenantId))
            return;
        _memberships.Add(new AdminMembership(Id, tenantId, now));
    }

    public void RemoveMembership(Guid tenantId) => _memberships.RemoveAll(m => m.TenantId == tenantId);

    public bool CanAdminister(Guid tenantId) => Enabled && (IsPlatformAdmin || _memberships.Exists(m => m.TenantId == tenantId));

    public void SetPasswordHash(string passwordHash)
    {
        if (string.IsNullOrWhiteSpace(passwordHash))
            throw new DomainException("A password is required.", "password");
        PasswordHash = passwordHash;
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public bool IsLockedOut(DateTimeOffset now) => LockoutEnd is { } end && end > now;

    public void RecordFailedSignIn(DateTimeOffset now, int maxAttempts, TimeSpan lockout)
    {
        AccessFailedCount++;
        if (AccessFailedCount >= maxAttempts)
        {
            LockoutEnd = now + lockout;
            AccessFailedCount = 0;
        }
    }

    public void RecordSuccessfulSignIn()
    {
        AccessFailedCount = 0;
        LockoutEnd = null;
    }

    public void Disable() => Enabled = false;

    public void Enable() => Enabled = true;

    private static AdminUser New(string email, string passwordHash, DateTimeOffset now)
    {
        var valid = EmailAddress.Validate(email);
        var admin = new AdminUser
        {
            Id = Guid.CreateVersion7(now),
            Email = valid,
            NormalizedEmail = EmailAddress.Normalize(valid),
            Enabled = true,
            CreatedAt = now,
            SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        admin.SetPasswordHash(passwordHash);
        return admin;
    }
}
