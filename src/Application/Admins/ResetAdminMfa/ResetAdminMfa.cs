using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Common;
using Mediator;

namespace AlexaLinkHub.Application.Admins;

/// <summary>Lost device, no recovery code left: another admin of the tenant removes a fellow admin's second factors
/// (audited); that admin signs in with the password and enrols again. Not one's own (a recovery code is for that),
/// and not a platform admin's (only another platform admin may).</summary>
public sealed record ResetAdminMfa(Guid AdminId) : ICommand, ITenantAdminRequest, ITenantOwnerRequest, IStepUpRequest;

public sealed class ResetAdminMfaHandler(IAdminUserRepository admins, ITenantContext scope, ICurrentActor actor, IAuditLog audit) : ICommandHandler<ResetAdminMfa>
{
    public async ValueTask<Unit> Handle(ResetAdminMfa command, CancellationToken cancellationToken)
    {
        var admin = await admins.FindByIdAsync(command.AdminId, cancellationToken);
        if (admin is null || !admin.Memberships.Any(m => m.TenantId == scope.RequiredTenantId) || (admin.IsPlatformAdmin && !actor.IsPlatformAdmin))
            throw new NotFoundException("Admin not found.");
        if (admin.Id == actor.AdminId)
            throw new DomainException("You cannot reset your own second factors here: sign in with a recovery code, or ask another admin.");
        admin.ResetMfa();
        audit.Record(AuditActions.AdminMfaReset, AuditTarget.Admin(admin.Email), AuditDetails.Of("by", actor.Name));
        return Unit.Value;
    }
}
