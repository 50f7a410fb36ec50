using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Domain.Admins;
using AlexaLinkHub.Domain.Audit;

namespace AlexaLinkHub.Application.Admins;

internal static class AdminTokenCheck
{
    /// <summary>The enabled admin a genuine, unexpired, unused admin token (invitation or password reset, as
    /// <paramref name="read"/> decides) names.</summary>
    public static async Task<AdminUser?> AdminForAsync(
        Func<string, AdminTokenClaims?> read, IAdminUserRepository admins, TimeProvider clock, TimeSpan lifetime, string token, CancellationToken cancellationToken)
    {
        var claims = string.IsNullOrWhiteSpace(token) ? null : read(token);
        if (claims is null)
            return null;
        var age = clock.GetUtcNow() - claims.IssuedAt;
        if (age < TimeSpan.Zero || age > lifetime)
            return null;
        var admin = await admins.FindByIdAsync(claims.AdminId, cancellationToken);
        return admin is { Enabled: true } && string.Equals(admin.SecurityStamp, claims.SecurityStamp, StringComparison.Ordinal) ? admin : null;
    }

    /// <summary>The admin of a genuine link chooses a password: a new hash (and security stamp — the link is spent and
    /// other sessions end), any lockout lifted, audited. An admin with a second factor is not signed in by the link (an
    /// email is not a second factor): <see cref="AdminIdentity.HasMfa"/> tells the page to send them to sign in.</summary>
    public static async Task<AdminIdentity> ChoosePasswordAsync(
        AdminUser admin, string password, IPasswordHasher hasher, IAuditLog audit, IAdminSignInThrottleRepository throttles, IAdminMfaPolicy mfa,
        string action, CancellationToken cancellationToken)
    {
        admin.SetPasswordHash(hasher.Hash(password));
        if (await throttles.FindAsync(AdminSignInGate.KeyOf(admin.Email), cancellationToken) is { } throttle)
            throttle.Reset();
        audit.Record(action, AuditTarget.Admin(admin.Email));
        return await mfa.IdentityAsync(admin, cancellationToken);
    }
}
