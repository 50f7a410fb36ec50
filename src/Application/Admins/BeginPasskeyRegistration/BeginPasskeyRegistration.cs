using AlexaLinkHub.Application.Common.Interfaces;
using Mediator;

namespace AlexaLinkHub.Application.Admins;

/// <summary>A fresh WebAuthn registration challenge for the signed-in admin (their existing passkeys are excluded).</summary>
public sealed record BeginPasskeyRegistration : IQuery<PasskeyChallenge>, IAdminAccountRequest;

public sealed class BeginPasskeyRegistrationHandler(IAdminUserRepository admins, ICurrentActor actor, IPasskeys passkeys)
    : IQueryHandler<BeginPasskeyRegistration, PasskeyChallenge>
{
    public async ValueTask<PasskeyChallenge> Handle(BeginPasskeyRegistration query, CancellationToken cancellationToken) =>
        passkeys.BeginRegistration(await CurrentAdmin.LoadAsync(admins, actor, cancellationToken));
}
