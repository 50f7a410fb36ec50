using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.Users;

namespace AlexaLinkHub.Domain.Admins;

/// <summary>Someone who runs the SaaS (platform admin) or a vendor's staff member (admin of one or more tenants).</summary>
[GlobalEntity("An admin signs in before any tenant is chosen and may administer several tenants.")]
public sealed class AdminUser
{
    /// <summary>Base64 of a single 0xFF byte: a hash format marker no hasher version uses, so no password matches it.</summary>
    public const string PendingPasswordHash = "/w==";

    /// <summary>How many recovery codes a set has (each works once).</summary>
    public const int RecoveryCodeCount = 10;

    public const int MaxPasskeys = 10;

    private readonly List<AdminMembership> _memberships = [];
    private readonly List<AdminRecoveryCode> _recoveryCodes = [];
    private readonly List<AdminPasskey> _passkeys = [];

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
    public string SecurityStamp { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyList<AdminMembership> Memberships => _memberships;

    /// <summary>The authenticator app's secret, protected at rest (never the plain secret); null without TOTP.</summary>
    public string? ProtectedTotpSecret { get; private set; }

    /// <summary>A secret shown for enrolment and not confirmed with a code yet.</summary>
    public string? PendingTotpSecret { get; private set; }

    /// <summary>The last RFC 6238 time step accepted: a code is accepted once (§5.2), never again.</summary>
    public long TotpTimeStep { get; private set; }

    public IReadOnlyList<AdminRecoveryCode> RecoveryCodes => _recoveryCodes;
    public IReadOnlyList<AdminPasskey> Passkeys => _passkeys;

    public bool HasTotp => ProtectedTotpSecret is not null;

    /// <summary>Signs in with a second factor: an authenticator app or a passkey (recovery codes only stand in for them).</summary>
    public bool HasMfa => HasTotp || _passkeys.Count > 0;

    public int RecoveryCodesLeft => _recoveryCodes.Count(c => c.UsedAt is null);

    /// <summary>Invited, and has not chosen a password yet (so cannot sign in).</summary>
    public bool IsInvitationPending => PasswordHash == PendingPasswordHash;

    public static AdminUser CreatePlatformAdmin(string email, string passwordHash, DateTimeOffset now)
    {
        var admin = New(email, passwordHash, now);
        admin.IsPlatformAdmin = true;
        return admin;
    }

    public static AdminUser CreateTenantAdmin(string email, string passwordHash, Guid tenantId, AdminRole role, DateTimeOffset now)
    {
        var admin = New(email, passwordHash, now);
        admin.AddMembership(tenantId, role, now);
        return admin;
    }

    /// <summary>An admin invited by email: a member of the tenant, with no password until they accept the invitation.</summary>
    public static AdminUser Invite(string email, Guid tenantId, AdminRole role, DateTimeOffset now) =>
        CreateTenantAdmin(email, PendingPasswordHash, tenantId, role, now);

    /// <summary>Gives the admin the tenant with <paramref name="role"/>; an existing membership keeps its role (changing a
    /// role is the team's decision: <see cref="TenantTeam.ChangeRole"/>).</summary>
    public void AddMembership(Guid tenantId, AdminRole role, DateTimeOffset now)
    {
        if (tenantId == Guid.Empty)
            throw new DomainException("A membership names a tenant.");
        if (!Enum.IsDefined(role))
            throw new DomainException("Unknown role.", "role");
        if (_memberships.Exists(m => m.TenantId == tenantId))
            return;
        _memberships.Add(new AdminMembership(Id, tenantId, role, now));
    }

    public void RemoveMembership(Guid tenantId) => _memberships.RemoveAll(m => m.TenantId == tenantId);

    public AdminMembership? MembershipOf(Guid tenantId) => _memberships.Find(m => m.TenantId == tenantId);

    /// <summary>The tenants this admin may enter now: enabled memberships of an enabled account.</summary>
    public IEnumerable<AdminMembership> ActiveMemberships => Enabled ? _memberships.Where(m => m.Enabled) : [];

    public bool CanAdminister(Guid tenantId) => Enabled && (IsPlatformAdmin || _memberships.Exists(m => m.TenantId == tenantId && m.Enabled));

    public void SetPasswordHash(string passwordHash)
    {
        if (string.IsNullOrWhiteSpace(passwordHash))
            throw new DomainException("A password is required.", "password");
        PasswordHash = passwordHash;
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    /// <summary>Ends every session of the admin ("sign out everywhere"): sessions carry the stamp.</summary>
    public void RenewSecurityStamp() => SecurityStamp = Guid.NewGuid().ToString("N");

    public void BeginTotpEnrolment(string protectedSecret)
    {
        if (string.IsNullOrWhiteSpace(protectedSecret))
            throw new DomainException("A secret is required.");
        PendingTotpSecret = protectedSecret;
    }

    /// <summary>The code shown by the app for the pending secret was right (time step <paramref name="timeStep"/>): the
    /// app is now this admin's second factor, replacing any earlier one.</summary>
    public void ConfirmTotpEnrolment(long timeStep)
    {
        ProtectedTotpSecret = PendingTotpSecret ?? throw new DomainException("Start the enrolment first.", "code");
        PendingTotpSecret = null;
        TotpTimeStep = timeStep;
    }

    /// <summary>Accepts a code of time step <paramref name="timeStep"/> unless that step (or a later one) was used.</summary>
    public bool AcceptTotpStep(long timeStep)
    {
        if (!HasTotp || timeStep <= TotpTimeStep)
            return false;
        TotpTimeStep = timeStep;
        return true;
    }

    /// <summary>A new set of <see cref="RecoveryCodeCount"/> codes (their hashes) replaces the old set.</summary>
    public void ReplaceRecoveryCodes(IReadOnlyCollection<string> codeHashes, DateTimeOffset now)
    {
        if (codeHashes.Count != RecoveryCodeCount || codeHashes.Distinct(StringComparer.Ordinal).Count() != RecoveryCodeCount
            || codeHashes.Any(string.IsNullOrWhiteSpace))
            throw new DomainException($"A recovery set has {RecoveryCodeCount} distinct codes.");
        _recoveryCodes.Clear();
        _recoveryCodes.AddRange(codeHashes.Select(hash => new AdminRecoveryCode(Id, hash, now)));
    }

    /// <summary>Spends the unused code with this hash; false when there is none (unknown or already used).</summary>
    public bool UseRecoveryCode(string codeHash, DateTimeOffset now) =>
        _recoveryCodes.Find(c => c.UsedAt is null && string.Equals(c.CodeHash, codeHash, StringComparison.Ordinal)) is { } code && code.Use(now);

    public AdminPasskey AddPasskey(byte[] credentialId, byte[] publicKey, uint signCount, string name, DateTimeOffset now)
    {
        if (_passkeys.Count >= MaxPasskeys)
            throw new DomainException($"An admin can have at most {MaxPasskeys} passkeys.", "name");
        if (_passkeys.Exists(p => p.CredentialId.AsSpan().SequenceEqual(credentialId)))
            throw new DomainException("This passkey is registered already.", "name");
        var passkey = new AdminPasskey(Id, credentialId, publicKey, signCount, Guard.Text(name, "Name", AdminPasskey.NameMaxLength), now);
        _passkeys.Add(passkey);
        return passkey;
    }

    public AdminPasskey? FindPasskey(byte[] credentialId) => _passkeys.Find(p => p.CredentialId.AsSpan().SequenceEqual(credentialId));

    public void RemovePasskey(Guid passkeyId) => _passkeys.RemoveAll(p => p.Id == passkeyId);

    /// <summary>Lost device: every second factor and recovery code goes, and so does every session. The admin signs in
    /// with the password and enrols again.</summary>
    public void ResetMfa()
    {
        ProtectedTotpSecret = null;
        PendingTotpSecret = null;
        TotpTimeStep = 0;
        _recoveryCodes.Clear();
        _passkeys.Clear();
        RenewSecurityStamp();
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
