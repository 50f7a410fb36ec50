using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using Mediator;

namespace AlexaLinkHub.Application.Admins;

/// <summary>"Sign out everywhere": every session of the signed-in admin ends, on every instance, this one included.</summary>
public sealed record SignOutAdminEverywhere : ICommand, IAdminAccountRequest;

public sealed class SignOutAdminEverywhereHandler(IAdminUserRepository admins, ICurrentActor actor, IAuditLog audit) : ICommandHandler<SignOutAdminEverywhere>
{
    public async ValueTask<Unit> Handle(SignOutAdminEverywhere command, CancellationToken cancellationToken)
    {
        var admin = await CurrentAdmin.LoadAsync(admins, actor, cancellationToken);
        admin.RenewSecurityStamp();
        audit.Record(AuditActions.AdminSignedOutEverywhere, AuditTarget.Admin(admin.Email));
        return Unit.Value;
    }
}
