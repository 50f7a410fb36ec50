using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Common;
using Mediator;

namespace AlexaLinkHub.Application.Admins;

/// <summary>Registers the passkey the browser created for the challenge of <see cref="BeginPasskeyRegistration"/>.
/// The first second factor comes with ten recovery codes (returned to show once); null when the admin still has some.</summary>
public sealed record AddPasskey : ICommand<IReadOnlyList<string>?>, IAdminAccountRequest
{
    public required string Name { get; init; }
    public required string State { get; init; }
    public required string ResponseJson { get; init; }
}

public sealed class AddPasskeyHandler(IAdminUserRepository admins, ICurrentActor actor, IPasskeys passkeys, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<AddPasskey, IReadOnlyList<string>?>
{
    public async ValueTask<IReadOnlyList<string>?> Handle(AddPasskey command, CancellationToken cancellationToken)
    {
        var admin = await CurrentAdmin.LoadAsync(admins, actor, cancellationToken);
        var credential = await passkeys.CompleteRegistrationAsync(admin, command.State, command.ResponseJson, cancellationToken)
            ?? throw new DomainException("The passkey could not be verified. Try again.", "name");
        var now = clock.GetUtcNow();
        var name = string.IsNullOrWhiteSpace(command.Name) ? "Passkey" : command.Name;
        admin.AddPasskey(credential.CredentialId, credential.PublicKey, credential.SignCount, name, now);
        audit.Record(AuditActions.AdminPasskeyAdded, AuditTarget.Admin(admin.Email), AuditDetails.Of("name", name.Trim()));
        if (admin.RecoveryCodesLeft > 0)
            return null;
        var codes = RecoveryCodes.Issue(admin, now);
        audit.Record(AuditActions.AdminRecoveryCodesRenewed, AuditTarget.Admin(admin.Email));
        return codes;
    }
}
