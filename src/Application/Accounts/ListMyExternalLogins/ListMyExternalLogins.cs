using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.ExternalSignIn;
using Mediator;

namespace AlexaLinkHub.Application.Accounts;

/// <summary>The external providers the signed-in end user can sign in with, and whether each may be disconnected (never
/// the last way to sign in: no password and no other provider).</summary>
public sealed record ListMyExternalLogins : IQuery<MyExternalLogins>, IEndUserRequest;

public sealed record MyExternalLogin(string Provider, string DisplayName, DateTimeOffset ConnectedAt);

public sealed record MyExternalLogins(IReadOnlyList<MyExternalLogin> Logins, bool HasPassword)
{
    public bool CanDisconnect => HasPassword || Logins.Count > 1;
}

public sealed class ListMyExternalLoginsHandler(ExternalLogins externalLogins, ICurrentActor actor) : IQueryHandler<ListMyExternalLogins, MyExternalLogins>
{
    public async ValueTask<MyExternalLogins> Handle(ListMyExternalLogins query, CancellationToken cancellationToken) =>
        await externalLogins.OfUserAsync(actor.EndUserId!.Value, cancellationToken);
}
