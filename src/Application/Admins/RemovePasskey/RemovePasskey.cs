using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Common;
using Mediator;

namespace AlexaLinkHub.Application.Admins;

/// <summary>Removes one of the signed-in admin's passkeys — not the last second factor where one is required.</summary>
public sealed record RemovePasskey(Guid PasskeyId) : ICommand, IAdminAccountRequest, IStepUpRequest;

public sealed class RemovePasskeyHandler(IAdminUserRepository admins, ICurrentActor actor, IAdminMfaPolicy mfa, IAuditLog audit) : ICommandHandler<RemovePasskey>
{
    public async ValueTask<Unit> Handle(RemovePasskey command, CancellationToken cancellationToken)
    {
        var admin = await CurrentAdmin.LoadAsync(admins, actor, cancellationToken);
        var passkey = admin.Passkeys.FirstOrDefault(p => p.Id == command.PasskeyId);
        if (passkey is null)
            return Unit.Value;
        if (!admin.HasTotp && admin.Passkeys.Count == 1 && await mfa.IsRequiredAsync(admin, cancellationToken))
            throw new DomainException("You need a second factor: add another passkey or an authenticator app before removing this one.");
        admin.RemovePasskey(passkey.Id);
        audit.Record(AuditActions.AdminPasskeyRemoved, AuditTarget.Admin(admin.Email), AuditDetails.Of("name", passkey.Name));
        return Unit.Value;
    }
}
