using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Domain.Admins;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Users;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.Admins;

/// <summary>What every step of the admin sign-in shares: the lockout, counted per email whether or not an admin has it
/// (password and second-factor failures alike), the audit trail, and the identity a successful step hands out.</summary>
public sealed class AdminSignInGate(
    IAdminUserRepository admins,
    IAdminSignInThrottleRepository throttles,
    IAdminMfaPolicy mfa,
    IAuditLog audit,
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

    public static string KeyOf(string? email) => SecretTokens.Hash(EmailAddress.Normalize(email ?? string.Empty));

    public async Task<AdminSignInThrottle?> LockedAsync(string? email, CancellationToken cancellationToken)
    {
        var throttle = await throttles.FindAsync(KeyOf(email), cancellationToken);
        return throttle is not null && throttle.IsLockedOut(clock.GetUtcNow()) ? throttle : null;
    }

    /// <summary>Counts a failure for the email and answers bad credentials, or the lockout it just caused. The audit names
    /// the admin only when there is one.</summary>
    public async Task<AdminSignInOutcome> FailAsync(string? email, AdminUser? admin, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var key = KeyOf(email);
        var throttle = await throttles.FindAsync(key, cancellationToken);
        if (throttle is null)
        {
            throttle = AdminSignInThrottle.Create(key, now);
            throttles.Add(throttle);
        }
        throttle.RecordFailure(now, options.Value.MaxFailedAttempts, options.Value.LockoutDuration, options.Value.LockoutDuration);
        var locked = throttle.IsLockedOut(now);
        audit.Record(AuditActions.AdminSignInFailed, admin is null ? AuditTarget.UnknownAdmin : AuditTarget.Admin(admin.Email), AuditDetails.Of("reason", locked ? "locked_out" : reason));
        return locked ? LockedOut(throttle) : new AdminSignInOutcome(AdminSignInStatus.BadCredentials, null, null);
    }

    public AdminSignInOutcome LockedOut(AdminSignInThrottle throttle, AdminUser? admin = null)
    {
        if (admin is not null)
            audit.Record(AuditActions.AdminSignInFailed, AuditTarget.Admin(admin.Email), AuditDetails.Of("reason", "locked_out"));
        return new AdminSignInOutcome(AdminSignInStatus.LockedOut, null, throttle.LockedUntil);
    }

    /// <summary>Every factor the admin has was proved: the lockout is lifted and the session may start.</summary>
    public async Task<AdminSignInOutcome> SucceedAsync(AdminUser admin, string factor, CancellationToken cancellationToken)
    {
        if (await throttles.FindAsync(KeyOf(admin.Email), cancellationToken) is { } throttle)
            throttle.Reset();
        audit.Record(AuditActions.AdminSignedIn, AuditTarget.Admin(admin.Email), AuditDetails.Of("factor", factor));
        return new AdminSignInOutcome(AdminSignInStatus.Succeeded, await mfa.IdentityAsync(admin, cancellationToken), null);
    }
}
