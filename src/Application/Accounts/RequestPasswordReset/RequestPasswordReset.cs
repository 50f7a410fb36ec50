using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Audit;
using Mediator;

namespace AlexaLinkHub.Application.Accounts;

/// <summary>"Forgot password?": emails a single-use reset link when the account exists. The caller gets the same answer
/// either way, so the page never reveals which emails have accounts; an unknown email is audited too, so both ways write.</summary>
public sealed record RequestPasswordReset(string Email, string? ReturnUrl) : ICommand, ITenantPublicRequest, ISingleSaveCommand;

public sealed class RequestPasswordResetHandler(
    ITenantRepository tenants,
    IEndUserRepository users,
    IUserTokens tokens,
    IAccountEmails emails,
    IPublicUrls urls,
    ITenantContext scope,
    IAuditLog audit) : ICommandHandler<RequestPasswordReset>
{
    public async ValueTask<Unit> Handle(RequestPasswordReset command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Email))
            return Unit.Value;
        var user = await users.FindByEmailAsync(command.Email, cancellationToken);
        if (user is not { Enabled: true })
        {
            audit.Record(AuditActions.PasswordResetRequested, AuditTarget.UnknownUser);
            return Unit.Value;
        }

        var tenant = await tenants.FindByIdAsync(scope.RequiredTenantId, cancellationToken);
        var link = AccountLinks.Build(urls, tenant!.Slug, TenantPaths.ResetPassword, tokens.Create(user, UserTokenPurpose.PasswordReset), command.ReturnUrl);
        emails.QueuePasswordReset(tenant, user, link);
        audit.Record(AuditActions.PasswordResetRequested, AuditTarget.User(user.Id));
        return Unit.Value;
    }
}
