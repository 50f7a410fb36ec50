using AlexaLinkHub.Domain.Admins;

namespace AlexaLinkHub.Application.Admins;

/// <summary>Configuration section <c>AdminSecurity</c>: second factors of the admin area.</summary>
public sealed class AdminSecurityOptions
{
    public const string SectionName = "AdminSecurity";

    /// <summary>Platform admins must sign in with a second factor. Default: true outside Development.</summary>
    public bool? RequireMfaForPlatformAdmins { get; set; }

    /// <summary>How long a proof of identity lasts for dangerous actions before it is asked again (15 minutes).</summary>
    public TimeSpan StepUpWindow { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>An authenticator-app secret as enrolment shows it (base32, and the otpauth URI the QR code carries) and as
/// it is stored (protected).</summary>
public sealed record TotpSecret(string Base32, string Protected);

/// <summary>RFC 6238 time-based one-time passwords (30-second steps, 6 digits, SHA-1: what every authenticator app
/// reads from a QR code). Secrets are protected at rest by the implementation.</summary>
public interface ITotp
{
    TotpSecret NewSecret();

    /// <summary>The plain base32 secret of a stored one (to show a pending enrolment again).</summary>
    string Reveal(string protectedSecret);

    /// <summary><c>otpauth://totp/…</c> for the QR code.</summary>
    string EnrolmentUri(string base32Secret, string accountName);

    /// <summary>The time step whose code <paramref name="code"/> is (the current one, or one step either side for clock
    /// drift, RFC 6238 §5.2), or null when it matches none.</summary>
    long? MatchTimeStep(string protectedSecret, string code);
}

/// <summary>A WebAuthn ceremony's server side: the options for the browser (JSON) and the sealed state to send back with
/// the browser's answer (tamper-proof, bound to the admin, short-lived) — the challenge never lives only in the page.</summary>
public sealed record PasskeyChallenge(string OptionsJson, string State);

public sealed record PasskeyCredential(byte[] CredentialId, byte[] PublicKey, uint SignCount);

public sealed record PasskeyAssertion(byte[] CredentialId, uint SignCount);

/// <summary>Passkeys (WebAuthn) for admins, verified server-side by a FIDO2 library.</summary>
public interface IPasskeys
{
    PasskeyChallenge BeginRegistration(AdminUser admin);

    /// <summary>The credential the browser created for <paramref name="admin"/>, or null when the answer does not verify.</summary>
    Task<PasskeyCredential?> CompleteRegistrationAsync(AdminUser admin, string state, string responseJson, CancellationToken cancellationToken);

    PasskeyChallenge BeginAssertion(AdminUser admin);

    /// <summary>Which of <paramref name="admin"/>'s passkeys signed the challenge, or null when the answer does not verify.</summary>
    Task<PasskeyAssertion?> CompleteAssertionAsync(AdminUser admin, string state, string responseJson, CancellationToken cancellationToken);
}

public interface IAdminSignInThrottleRepository
{
    Task<AdminSignInThrottle?> FindAsync(string key, CancellationToken cancellationToken);

    /// <summary>The throttle for <paramref name="key"/>, created when missing, read after taking a lock on its row that
    /// concurrent writers wait for until the current transaction ends. Call it inside a command's transaction.</summary>
    Task<AdminSignInThrottle> LockAsync(string key, DateTimeOffset now, CancellationToken cancellationToken);
}
