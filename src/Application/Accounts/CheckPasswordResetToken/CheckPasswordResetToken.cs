using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Users;
using Mediator;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.Accounts;

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
