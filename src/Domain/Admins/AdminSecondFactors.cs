using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.Admins;

/// <summary>A single-use recovery code of an admin, stored as a hash. Part of the <see cref="AdminUser"/> aggregate.</summary>
[GlobalEntity("Part of the admin aggregate, which is global (admins sign in before a tenant is chosen).")]
public sealed class AdminRecoveryCode
{
    private AdminRecoveryCode()
    {
        CodeHash = null!;
    }

    internal AdminRecoveryCode(Guid adminUserId, string codeHash, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        AdminUserId = adminUserId;
        CodeHash = codeHash;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid AdminUserId { get; private set; }
    public string CodeHash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }

    internal bool Use(DateTimeOffset now)
    {
        if (UsedAt is not null)
            return false;
        UsedAt = now;
        return true;
    }
}

/// <summary>A WebAuthn credential (passkey) of an admin: its id and public key as the authenticator registered them, and
/// the signature counter last seen. Part of the <see cref="AdminUser"/> aggregate.</summary>
[GlobalEntity("Part of the admin aggregate, which is global (admins sign in before a tenant is chosen).")]
public sealed class AdminPasskey
{
    public const int NameMaxLength = 60;

    private AdminPasskey()
    {
        CredentialId = null!;
        PublicKey = null!;
        Name = null!;
    }

    internal AdminPasskey(Guid adminUserId, byte[] credentialId, byte[] publicKey, uint signCount, string name, DateTimeOffset now)
    {
        if (credentialId.Length is 0 or > 1023 || publicKey.Length == 0)
            throw new DomainException("Not a passkey.");
        Id = Guid.CreateVersion7(now);
        AdminUserId = adminUserId;
        CredentialId = credentialId;
        PublicKey = publicKey;
        SignCount = signCount;
        Name = name;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid AdminUserId { get; private set; }
    public byte[] CredentialId { get; private set; }
    public byte[] PublicKey { get; private set; }
    public uint SignCount { get; private set; }
    public string Name { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }

    public void RecordUse(uint signCount, DateTimeOffset now)
    {
        SignCount = signCount;
        LastUsedAt = now;
    }
}
