using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Domain.Admins;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Users;
using Mediator;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.Admins;

/// <summary>What every step of the admin sign-in shares: the lockout, counted per email whether or not an admin has it
/// (password and second-factor failures alike; each attempt is counted before it is checked), the audit trail, and the
/// identity a successful step hands out.</summary>
public sealed class AdminSignInGate(
    IAdminUserRepository admins,
    IAdminSignInThrottleRepository throttles,
    IAdminMfaPolicy mfa,
    IAuditLog audit,
    ISender sender,
    IOptions<AdminSignInOptions> options,
    TimeProvider clock)
{
    /// <summary>Whom a second step (a code, a passkey) is for: the enabled admin the first step named if nothing changed
    /// since (a new password, an MFA reset, "sign out everywhere" all change the stamp) — else the refusal to answer.</summary>
    public async Task<(AdminUser? Admin, AdminSignInOutcome? Refusal)> SecondStepAsync(Guid adminId, string stamp, CancellationToken cancellationToken)
    {
        var admin = await admins.FindByIdAsync(adminId, cancellationToken);
        if (admin is not { Enabled: true } || !string.Equals(admin.SecurityStamp, stamp, StringComparison.Ordinal))
            return (null, new AdminSignInOutcome(AdminSignInStatus.BadCredentials, null, null));
        return await LockedAsync(admin.Email, cancellationToken) is { } locked ? (null, LockedOut(locked, admin)) : (admin, null);
    }

    /// <summary><see cref="SecondStepAsync"/>, then an attempt taken for the admin's email before the factor is checked.</summary>
    public async Task<(AdminUser? Admin, SignInAttempt? Attempt, AdminSignInOutcome? Refusal)> SecondStepAttemptAsync(Guid adminId, string stamp, CancellationToken cancellationToken)
    {
        var (admin, refusal) = await SecondStepAsync(adminId, stamp, cancellationToken);
        if (admin is null)
            return (null, null, refusal);
        var (attempt, locked) = await AttemptAsync(admin.Email, admin, cancellationToken);
        return locked is null ? (admin, attempt, null) : (null, null, locked);
    }

    public static string KeyOf(string? email) => SecretTokens.Hash(EmailAddress.Normalize(email ?? string.Empty));

    public async Task<AdminSignInThrottle?> LockedAsync(string? email, CancellationToken cancellationToken)
    {
        var throttle = await throttles.FindAsync(KeyOf(email), cancellationToken);
        return throttle is not null && throttle.IsLockedOut(clock.GetUtcNow()) ? throttle : null;
    }

    /// <summary>Takes an attempt for the email (committed at once: <see cref="CountAdminSignInAttempt"/>) before anything
    /// is checked; the refusal to answer when the email is locked already.</summary>
    public async Task<(SignInAttempt Attempt, AdminSignInOutcome? Refusal)> AttemptAsync(string? email, AdminUser? admin, CancellationToken cancellationToken)
    {
        var attempt = await sender.Send(new CountAdminSignInAttempt(KeyOf(email)), cancellationToken);
        if (!attempt.Refused)
            return (attempt, null);
        audit.Record(AuditActions.AdminSignInFailed, admin is null ? AuditTarget.UnknownAdmin : AuditTarget.Admin(admin.Email), AuditDetails.Of("reason", "locked_out"));
        return (attempt, new AdminSignInOutcome(AdminSignInStatus.LockedOut, null, attempt.LockedUntil));
    }

    /// <summary>The attempt failed (it was counted already): bad credentials, or the lockout it was the last attempt
    /// before. The audit names the admin only when there is one.</summary>
    public AdminSignInOutcome Fail(SignInAttempt attempt, AdminUser? admin, string reason)
    {
        var locked = attempt.LockedUntil is not null;
        audit.Record(AuditActions.AdminSignInFailed, admin is null ? AuditTarget.UnknownAdmin : AuditTarget.Admin(admin.Email), AuditDetails.Of("reason", locked ? "locked_out" : reason));
        return locked ? new AdminSignInOutcome(AdminSignInStatus.LockedOut, null, attempt.LockedUntil) : new AdminSignInOutcome(AdminSignInStatus.BadCredentials, null, null);
    }

    public AdminSignInOutcome LockedOut(AdminSignInThrottle throttle, AdminUser? admin = null)
    {
        if (admin is not null)
            audit.Record(AuditActions.AdminSignInFailed, AuditTarget.Admin(admin.Email), AuditDetails.Of("reason", "locked_out"));
        return new AdminSignInOutcome(AdminSignInStatus.LockedOut, null, throttle.LockedUntil);
    }

    /// <summary>The password was right and a second factor follows: the attempt is given back (the second step takes its own).</summary>
    public async Task GiveBackAsync(AdminUser admin, CancellationToken cancellationToken)
    {
        if (await throttles.FindAsync(KeyOf(admin.Email), cancellationToken) is { } throttle)
            throttle.GiveBack(options.Value.MaxFailedAttempts);
    }

    /// <summary>Every factor the admin has was proved: the attempt is given back, the lockout lifted, and the session may
    /// start (the throttle is tracked since the attempt was counted).</summary>
    public async Task<AdminSignInOutcome> SucceedAsync(AdminUser admin, string factor, CancellationToken cancellationToken)
    {
        if (await throttles.FindAsync(KeyOf(admin.Email), cancellationToken) is { } throttle)
            throttle.Reset();
        audit.Record(AuditActions.AdminSignedIn, AuditTarget.Admin(admin.Email), AuditDetails.Of("factor", factor));
        return new AdminSignInOutcome(AdminSignInStatus.Succeeded, await mfa.IdentityAsync(admin, cancellationToken), null);
    }
}
