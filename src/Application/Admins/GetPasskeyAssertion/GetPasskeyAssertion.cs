using AlexaLinkHub.Application.Common.Interfaces;
using Mediator;

namespace AlexaLinkHub.Application.Admins;

/// <summary>A fresh WebAuthn challenge for the admin of the first sign-in step (or of a step-up), listing their passkeys;
/// null when the admin has none or the first step is no longer valid.</summary>
public sealed record GetPasskeyAssertion(Guid AdminId, string SecurityStamp) : IQuery<PasskeyChallenge?>, IAdminSignInRequest;

public sealed class GetPasskeyAssertionHandler(IPasskeys passkeys, AdminSignInGate gate) : IQueryHandler<GetPasskeyAssertion, PasskeyChallenge?>
{
    public async ValueTask<PasskeyChallenge?> Handle(GetPasskeyAssertion query, CancellationToken cancellationToken) =>
        (await gate.SecondStepAsync(query.AdminId, query.SecurityStamp, cancellationToken)).Admin is { Passkeys.Count: > 0 } admin
            ? passkeys.BeginAssertion(admin)
            : null;
}
