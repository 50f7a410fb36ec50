using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Audit;
using Mediator;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.Accounts;

/// <summary>The link in the confirmation email: confirms the address (idempotent) and signs the user in.</summary>
public sealed record ConfirmEmail(string Token) : ICommand<ResetPasswordOutcome>, ITenantPublicRequest, ISingleSaveCommand;

public sealed class ConfirmEmailHandler(
    IEndUserRepository users,
    IUserTokens tokens,
    ITenantContext scope,
    IAuditLog audit,
    IOptions<AccountOptions> options,
    TimeProvider clock) : ICommandHandler<ConfirmEmail, ResetPasswordOutcome>
{
    public async ValueTask<ResetPasswordOutcome> Handle(ConfirmEmail command, CancellationToken cancellationToken)
    {
        var user = await AccountTokenCheck.UserForAsync(tokens, users, scope, clock, command.Token, UserTokenPurpose.EmailConfirmation,
            options.Value.EmailConfirmationTokenLifetime, checkStamp: true, cancellationToken);
        if (user is null)
            return new ResetPasswordOutcome(false, null);
        if (!user.EmailConfirmed)
        {
            user.ConfirmEmail();
            audit.Record(AuditActions.EmailConfirmed, AuditTarget.User(user.Id));
        }
        return new ResetPasswordOutcome(true, user.Id);
    }
}
