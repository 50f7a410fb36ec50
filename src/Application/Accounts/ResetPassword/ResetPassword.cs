using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Audit;
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
        audit.Record(AuditActions.PasswordReset, AuditTarget.User(user.Id));
        return new ResetPasswordOutcome(true, user.Id);
    }
}
