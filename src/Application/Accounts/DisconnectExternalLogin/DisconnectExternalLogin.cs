using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.ExternalSignIn;
using AlexaLinkHub.Domain.Audit;
using Mediator;

namespace AlexaLinkHub.Application.Accounts;

/// <summary>The signed-in end user disconnects an external provider from their account — unless it is their last way to
/// sign in (no password, no other provider): refused, so nobody locks themselves out. Links made through it stay.</summary>
public sealed record DisconnectExternalLogin(string Provider) : ICommand<bool>, IEndUserRequest;

public sealed class DisconnectExternalLoginHandler(
    ExternalLogins externalLogins, IIdentityProviderRepository providers, IExternalLoginRepository logins, ICurrentActor actor, IAuditLog audit)
    : ICommandHandler<DisconnectExternalLogin, bool>
{
    public async ValueTask<bool> Handle(DisconnectExternalLogin command, CancellationToken cancellationToken)
    {
        var userId = actor.EndUserId!.Value;
        var provider = await providers.FindByNameAsync(command.Provider, cancellationToken) ?? throw new NotFoundException("No such sign-in provider.");
        var mine = await logins.ListOfUserAsync(userId, cancellationToken);
        var login = mine.FirstOrDefault(l => l.ProviderId == provider.Id) ?? throw new NotFoundException("That provider is not connected to your account.");
        if (!(await externalLogins.OfUserAsync(userId, cancellationToken)).CanDisconnect)
            return false;
        logins.Remove(login);
        audit.Record(AuditActions.ExternalLoginDisconnected, AuditTarget.User(userId), AuditDetails.Of("identityProvider", provider.Name));
        return true;
    }
}
