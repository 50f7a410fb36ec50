using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.Users;

/// <summary>A customer of a vendor. Belongs to exactly one tenant; the same email in two tenants is two unrelated users.
/// Failed sign-ins are counted per email by <see cref="SignInThrottle"/> (so unknown emails lock out alike).</summary>
public sealed class EndUser : ITenantOwned
{
    public const int DisplayNameMaxLength = 100;
    public const int ExternalIdMaxLength = 200;
    public const int MaxPasswordHashLength = 500;
    public const string ErasedDisplayName = "Deleted user";
    public const string ErasedPasswordHash = "/w==";

    /// <summary>The hash of an account that has no password with us (imported without one, or signing in through an
    /// external provider only): like <see cref="ErasedPasswordHash"/>, a value no hasher produces, so nothing verifies
    /// against it.</summary>
    public const string NoPasswordHash = ErasedPasswordHash;

    private EndUser()
    {
        Email = null!;
        NormalizedEmail = null!;
        DisplayName = null!;
        PasswordHash = null!;
        SecurityStamp = null!;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Email { get; private set; }
    public string NormalizedEmail { get; private set; }
    public string DisplayName { get; private set; }
    public string? ExternalId { get; private set; }
    public string PasswordHash { get; private set; }

    /// <summary>Where <see cref="PasswordHash"/> comes from: our hasher, the vendor's import (any supported format, to be
    /// replaced by ours at the first successful sign-in), or nowhere yet (the vendor's legacy sign-in endpoint decides).</summary>
    public PasswordSource PasswordSource { get; private set; }
    public bool EmailConfirmed { get; private set; }
    public bool Enabled { get; private set; }

    /// <summary>Changes whenever credentials change; invalidates reset tokens and sessions issued before.</summary>
    public string SecurityStamp { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DisabledAt { get; private set; }

    /// <summary>Set when the account was deleted: its personal data is erased and the row stays only as an anonymous id
    /// that links, tokens and the audit trail still point to.</summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    public bool IsErased => ErasedAt is not null;

    /// <summary>Whether the user can sign in with a password (an account made through an external provider has none
    /// until it resets one).</summary>
    public bool HasPassword => PasswordHash != NoPasswordHash;

    public static EndUser Create(Guid tenantId, string email, string displayName, string passwordHash, string? externalId, DateTimeOffset now)
    {
        if (tenantId == Guid.Empty)
            throw new DomainException("An end user belongs to a tenant.");
        var user = new EndUser
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            Enabled = true,
            CreatedAt = now,
            SecurityStamp = NewStamp(),
        };
        user.ChangeEmail(email);
        user.Rename(displayName);
        user.SetExternalId(externalId);
        user.SetPasswordHash(passwordHash);
        return user;
    }

    /// <summary>A user who signed up through an external provider: no password; the email is confirmed when the provider
    /// asserted it verified.</summary>
    public static EndUser CreateExternal(Guid tenantId, string email, string displayName, bool emailVerified, DateTimeOffset now)
    {
        var user = Create(tenantId, email, displayName, NoPasswordHash, null, now);
        if (emailVerified)
            user.ConfirmEmail();
        return user;
    }

    public void ChangeEmail(string email)
    {
        Email = EmailAddress.Validate(email);
        NormalizedEmail = EmailAddress.Normalize(Email);
        EmailConfirmed = false;
    }

    /// <summary>Imports a customer of the vendor: <paramref name="importedHash"/> is the vendor's hash (or ours of a
    /// plaintext password in the file); without one the account waits for its first sign-in at the vendor's endpoint.</summary>
    public static EndUser Import(Guid tenantId, string email, string displayName, string? externalId, bool emailVerified, string? importedHash, DateTimeOffset now)
    {
        var user = Create(tenantId, email, displayName, NoPasswordHash, externalId, now);
        user.PasswordSource = PasswordSource.Legacy;
        if (importedHash is not null)
            user.SetImportedHash(importedHash);
        if (emailVerified)
            user.ConfirmEmail();
        return user;
    }

    /// <summary>A re-import of the same customer: the profile follows the file; the password only while the user has
    /// not signed in with us since (a password they set, or one we rehashed, is never overwritten). An
    /// <paramref name="emailVerified"/> of null leaves the confirmation as it is.</summary>
    public void ApplyImport(string email, string displayName, string? externalId, bool? emailVerified, string? importedHash)
    {
        if (EmailAddress.Normalize(email) != NormalizedEmail)
            ChangeEmail(email);
        else
            Email = EmailAddress.Validate(email);
        Rename(displayName);
        if (externalId is not null)
            SetExternalId(externalId);
        if (emailVerified is { } verified)
            EmailConfirmed = verified;
        if (importedHash is not null && PasswordSource != PasswordSource.Own)
            SetImportedHash(importedHash);
    }

    public void Rename(string displayName) => DisplayName = ValidateDisplayName(displayName);

    public void SetExternalId(string? externalId) => ExternalId = ValidateExternalId(externalId);

    /// <summary>The code of the rule below, for a page that words the refusal itself.</summary>
    public const string InvalidDisplayNameCode = "display_name.invalid";

    // Markup is allowed: a customer's name is whatever the vendor holds, and every page and email encodes it.
    public static string ValidateDisplayName(string? displayName) => Guard.Text(displayName, "Display name", DisplayNameMaxLength, allowMarkup: true);

    public static string? ValidateExternalId(string? externalId) =>
        string.IsNullOrWhiteSpace(externalId) ? null : Guard.Text(externalId, "External id", ExternalIdMaxLength);

    public void SetPasswordHash(string passwordHash)
    {
        if (string.IsNullOrWhiteSpace(passwordHash))
            throw new DomainException("A password is required.", "password");
        PasswordHash = passwordHash;
        PasswordSource = PasswordSource.Own;
        SecurityStamp = NewStamp();
    }

    private void SetImportedHash(string hash)
    {
        if (string.IsNullOrWhiteSpace(hash) || hash.Length > MaxPasswordHashLength)
            throw new DomainException($"A password hash is 1 to {MaxPasswordHashLength} characters.", "passwordHash");
        PasswordHash = hash;
        PasswordSource = PasswordSource.Imported;
        SecurityStamp = NewStamp();
    }

    public void ConfirmEmail() => EmailConfirmed = true;

    /// <summary>Ends every session of the user ("sign out everywhere"): sessions carry the stamp.</summary>
    public void RenewSecurityStamp() => SecurityStamp = NewStamp();

    public void Disable(DateTimeOffset now)
    {
        if (!Enabled)
            return;
        Enabled = false;
        DisabledAt = now;
        SecurityStamp = NewStamp();
    }

    public void Enable()
    {
        if (IsErased)
            throw new DomainException("A deleted account cannot be enabled.");
        Enabled = true;
        DisabledAt = null;
    }

    /// <summary>Deletes the account: everything that identifies the person (email, name, the vendor's id for them,
    /// the password hash) is overwritten and the account can never sign in again. Returns the values that were erased,
    /// so that copies elsewhere (audit details) can be found and redacted.</summary>
    public IReadOnlyList<string> Erase(DateTimeOffset now)
    {
        if (IsErased)
            return [];
        var personal = new[] { Email, DisplayName, ExternalId }.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
        Email = $"erased-{Id:N}@erased.invalid";
        NormalizedEmail = EmailAddress.Normalize(Email);
        DisplayName = ErasedDisplayName;
        ExternalId = null;
        // Base64 of a single 0xFF byte: a hash format marker no hasher version uses, so no password ever matches it.
        PasswordHash = ErasedPasswordHash;
        EmailConfirmed = false;
        Enabled = false;
        DisabledAt ??= now;
        ErasedAt = now;
        SecurityStamp = NewStamp();
        return personal;
    }

    private static string NewStamp() => Guid.NewGuid().ToString("N");
}
