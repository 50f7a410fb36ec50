using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Users;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.Accounts;

/// <summary>Sets a new password with the token from the reset email. The token is good once (the new password changes
/// the security stamp it carries) and for a limited time; a reset also lifts a login lockout and confirms the email.</summary>
public sealed record ResetPassword : ICommand<ResetPasswordOutcome>, ITenantPublicRequest, ISingleSaveCommand
{
    public required string Token { get; init; }
    public required string Password { get; init; }
}

public sealed record ResetPasswordOutcome(bool Succeeded, Guid? UserId);

public sealed class ResetPasswordValidator : AbstractValidator<ResetPassword>
{
    public ResetPasswordValidator() => RuleFor(x => x.Password).AcceptablePassword();
}

public sealed class ResetPasswordHandler(
    IEndUserRepository users,
    ISignInThrottleRepository throttles,
    IUserTokens tokens,
    IPasswordHasher hasher,
    ITenantContext scope,
    IAuditLog audit,
    IOptions<AccountOptions> options,
    TimeProvider clock) : ICommandHandler<ResetPassword, ResetPasswordOutcome>
{
    public async ValueTask<ResetPasswordOutcome> Handle(ResetPassword command, CancellationToken cancellationToken)
    {
        var user = await AccountTokenCheck.UserForAsync(tokens, users, scope, clock, command.Token, UserTokenPurpose.PasswordReset,
            options.Value.PasswordResetTokenLifetime, checkStamp: true, cancellationToken);
        if (user is null)
            return new ResetPasswordOutcome(false, null);

        user.SetPasswordHash(hasher.Hash(command.Password));
        user.ConfirmEmail();
        if (await throttles.FindAsync(SecretTokens.Hash(user.NormalizedEmail), cancellationToken) is { } throttle)
            throttle.Reset();
        audit.Record(AuditActions.PasswordReset, $"user:{user.Id}");
        return new ResetPasswordOutcome(true, user.Id);
    }
}

/// <summary>Whether a reset link still works, so the page can say so before the user types a new password.</summary>
public sealed record CheckPasswordResetToken(string Token) : IQuery<bool>, ITenantPublicRequest;

public sealed class CheckPasswordResetTokenHandler(
    IEndUserRepository users, IUserTokens tokens, ITenantContext scope, IOptions<AccountOptions> options, TimeProvider clock)
    : IQueryHandler<CheckPasswordResetToken, bool>
{
    public async ValueTask<bool> Handle(CheckPasswordResetToken query, CancellationToken cancellationToken) =>
        await AccountTokenCheck.UserForAsync(tokens, users, scope, clock, query.Token, UserTokenPurpose.PasswordReset,
            options.Value.PasswordResetTokenLifetime, checkStamp: true, cancellationToken) is not null;
}

internal static class AccountTokenCheck
{
    /// <summary>The enabled user of the tenant in scope that a genuine, unexpired token of this purpose names.</summary>
    public static async Task<EndUser?> UserForAsync(
        IUserTokens tokens, IEndUserRepository users, ITenantContext scope, TimeProvider clock,
        string token, UserTokenPurpose purpose, TimeSpan lifetime, bool checkStamp, CancellationToken cancellationToken)
    {
        var claims = string.IsNullOrWhiteSpace(token) ? null : tokens.Read(token, purpose);
        if (claims is null || claims.TenantId != scope.TenantId)
            return null;
        var age = clock.GetUtcNow() - claims.IssuedAt;
        if (age < TimeSpan.Zero || age > lifetime)
            return null;
        var user = await users.FindByIdAsync(claims.UserId, cancellationToken);
        if (user is not { Enabled: true })
            return null;
        return !checkStamp || string.Equals(user.SecurityStamp, claims.SecurityStamp, StringComparison.Ordinal) ? user : null;
    }
}
