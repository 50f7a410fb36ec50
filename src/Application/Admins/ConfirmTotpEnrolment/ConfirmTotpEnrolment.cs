using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Common;
using Mediator;

namespace AlexaLinkHub.Application.Admins;

/// <summary>The admin typed a code from the app they set up: it becomes their second factor. The first second factor
/// comes with ten recovery codes (returned to show once); null when the admin still has some.</summary>
public sealed record ConfirmTotpEnrolment : ICommand<IReadOnlyList<string>?>, IAdminAccountRequest
{
    public required string Code { get; init; }
}

public sealed class ConfirmTotpEnrolmentHandler(IAdminUserRepository admins, ICurrentActor actor, ITotp totp, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<ConfirmTotpEnrolment, IReadOnlyList<string>?>
{
    public async ValueTask<IReadOnlyList<string>?> Handle(ConfirmTotpEnrolment command, CancellationToken cancellationToken)
    {
        var admin = await CurrentAdmin.LoadAsync(admins, actor, cancellationToken);
        var pending = admin.PendingTotpSecret ?? throw new DomainException("Start setting up an authenticator app first.", "code");
        var step = totp.MatchTimeStep(pending, command.Code?.Trim() ?? string.Empty)
            ?? throw new DomainException("That code is not right. Type the 6 digits the app shows now.", "code");
        admin.ConfirmTotpEnrolment(step);
        audit.Record(AuditActions.AdminTotpEnrolled, AuditTarget.Admin(admin.Email));
        return admin.RecoveryCodesLeft == 0 ? IssueRecoveryCodes(admin) : null;
    }

    private IReadOnlyList<string> IssueRecoveryCodes(Domain.Admins.AdminUser admin)
    {
        var codes = RecoveryCodes.Issue(admin, clock.GetUtcNow());
        audit.Record(AuditActions.AdminRecoveryCodesRenewed, AuditTarget.Admin(admin.Email));
        return codes;
    }
}
