using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Domain.Admins;
using AlexaLinkHub.Domain.Audit;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.Admins;

/// <summary>What the admin links sent by email (an invitation, a password reset) share: whom a link names, and choosing
/// a password with it.</summary>
public sealed class AdminTokenCheck(
    IAdminUserRepository admins,
    IAdminTokens tokens,
    IPasswordHasher hasher,
    IAuditLog audit,
    IAdminSignInThrottleRepository throttles,
    IAdminMfaPolicy mfa,
    IOptions<AdminSignInOptions> options,
    TimeProvider clock)
{
    /// <summary>The admin a genuine, unexpired, unused invitation names, or null.</summary>
    public Task<AdminUser?> InvitedAsync(string token, CancellationToken cancellationToken) =>
        AdminForAsync(tokens.ReadInvitation, options.Value.InvitationLifetime, token, cancellationToken);

    /// <summary>The admin a genuine, unexpired, unused password-reset link names, or null.</summary>
    public Task<AdminUser?> ResettingAsync(string token, CancellationToken cancellationToken) =>
        AdminForAsync(tokens.ReadPasswordReset, options.Value.PasswordResetLifetime, token, cancellationToken);

    /// <summary>The admin of a genuine link chooses a password: a new hash (and security stamp — the link is spent and
    /// other sessions end), any lockout lifted, audited. An admin with a second factor is not signed in by the link (an
    /// email is not a second factor): <see cref="AdminIdentity.HasMfa"/> tells the page to send them to sign in.</summary>
    public async Task<AdminIdentity?> ChoosePasswordAsync(AdminUser? admin, string password, string action, CancellationToken cancellationToken)
    {
        if (admin is null)
            return null;
        admin.SetPasswordHash(hasher.Hash(password));
        if (await throttles.FindAsync(AdminSignInGate.KeyOf(admin.Email), cancellationToken) is { } throttle)
            throttle.Reset();
        audit.Record(action, AuditTarget.Admin(admin.Email));
        return await mfa.IdentityAsync(admin, cancellationToken);
    }

    private async Task<AdminUser?> AdminForAsync(Func<string, AdminTokenClaims?> read, TimeSpan lifetime, string token, CancellationToken cancellationToken)
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
}
