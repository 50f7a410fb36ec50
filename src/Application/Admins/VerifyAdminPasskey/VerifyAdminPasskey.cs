using AlexaLinkHub.Application.Common.Interfaces;
using Mediator;

namespace AlexaLinkHub.Application.Admins;

/// <summary>The second step of an admin sign-in (or a step-up) with a passkey: the browser's WebAuthn answer to the
/// challenge of <see cref="GetPasskeyAssertion"/>, verified server-side.</summary>
public sealed record VerifyAdminPasskey : ICommand<AdminSignInOutcome>, IAdminSignInRequest
{
    public required Guid AdminId { get; init; }
    public required string SecurityStamp { get; init; }
    public required string State { get; init; }
    public required string ResponseJson { get; init; }
}

public sealed class VerifyAdminPasskeyHandler(IPasskeys passkeys, AdminSignInGate gate, TimeProvider clock)
    : ICommandHandler<VerifyAdminPasskey, AdminSignInOutcome>
{
    public async ValueTask<AdminSignInOutcome> Handle(VerifyAdminPasskey command, CancellationToken cancellationToken)
    {
        var (admin, attempt, refusal) = await gate.SecondStepAttemptAsync(command.AdminId, command.SecurityStamp, cancellationToken);
        if (admin is null)
            return refusal!;

        var assertion = await passkeys.CompleteAssertionAsync(admin, command.State, command.ResponseJson, cancellationToken);
        if (assertion is null || admin.FindPasskey(assertion.CredentialId) is not { } passkey)
            return gate.Fail(attempt!, admin, "bad_passkey");
        passkey.RecordUse(assertion.SignCount, clock.GetUtcNow());
        return await gate.SucceedAsync(admin, "passkey", cancellationToken);
    }
}
