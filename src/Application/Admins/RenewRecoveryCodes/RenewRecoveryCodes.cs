using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Common;
using Mediator;

namespace AlexaLinkHub.Application.Admins;

/// <summary>A new set of ten recovery codes (returned to show once); the old set stops working.</summary>
public sealed record RenewRecoveryCodes : ICommand<IReadOnlyList<string>>, IAdminAccountRequest, IStepUpRequest;

public sealed class RenewRecoveryCodesHandler(IAdminUserRepository admins, ICurrentActor actor, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<RenewRecoveryCodes, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(RenewRecoveryCodes command, CancellationToken cancellationToken)
    {
        var admin = await CurrentAdmin.LoadAsync(admins, actor, cancellationToken);
        if (!admin.HasMfa)
            throw new DomainException("Set up an authenticator app or a passkey first: recovery codes stand in for them.");
        var codes = RecoveryCodes.Issue(admin, clock.GetUtcNow());
        audit.Record(AuditActions.AdminRecoveryCodesRenewed, AuditTarget.Admin(admin.Email));
        return codes;
    }
}
