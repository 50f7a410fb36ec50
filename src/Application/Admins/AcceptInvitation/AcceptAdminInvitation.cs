using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Admins;
using AlexaLinkHub.Domain.Audit;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.Admins;

/// <summary>The invited admin chooses a password with the link from the invitation email, and is signed in. The link
/// works once (the new password changes the security stamp it carries) and for <see cref="AdminSignInOptions.InvitationLifetime"/>.
/// Null when the link is not (or no longer) valid.</summary>
public sealed record AcceptAdminInvitation : ICommand<AdminIdentity?>, ISingleSaveCommand
{
    public required string Token { get; init; }
    public required string Password { get; init; }
}

public sealed class AcceptAdminInvitationValidator : AbstractValidator<AcceptAdminInvitation>
{
    public AcceptAdminInvitationValidator() => RuleFor(x => x.Password).AcceptablePassword();
}

public sealed class AcceptAdminInvitationHandler(
    IAdminUserRepository admins,
    IAdminTokens tokens,
    IPasswordHasher hasher,
    IAuditLog audit,
    IAdminSignInThrottleRepository throttles,
    IAdminMfaPolicy mfa,
    IOptions<AdminSignInOptions> options,
    TimeProvider clock) : ICommandHandler<AcceptAdminInvitation, AdminIdentity?>
{
    public async ValueTask<AdminIdentity?> Handle(AcceptAdminInvitation command, CancellationToken cancellationToken)
    {
        var admin = await AdminTokenCheck.AdminForAsync(tokens.ReadInvitation, admins, clock, options.Value.InvitationLifetime, command.Token, cancellationToken);
        return admin is null ? null : await AdminTokenCheck.ChoosePasswordAsync(admin, command.Password, hasher, audit, throttles, mfa, AuditActions.AdminInvitationAccepted, cancellationToken);
    }
}

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
        audit.Record(action, $"admin:{admin.Email}");
        return await mfa.IdentityAsync(admin, cancellationToken);
    }
}
