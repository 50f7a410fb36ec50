using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Audit;
using Mediator;

namespace AlexaLinkHub.Application.Tenants;

/// <summary>"Admins of this tenant must use MFA": each of them without a second factor is made to enrol one at their
/// next request.</summary>
public sealed record RequireAdminMfa(bool Required) : ICommand, ITenantAdminRequest, ITenantOwnerRequest;

public sealed class RequireAdminMfaHandler(ITenantRepository tenants, ITenantContext scope, IAuditLog audit) : ICommandHandler<RequireAdminMfa>
{
    public async ValueTask<Unit> Handle(RequireAdminMfa command, CancellationToken cancellationToken)
    {
        var tenant = await tenants.FindByIdAsync(scope.RequiredTenantId, cancellationToken) ?? throw new NotFoundException("Tenant not found.");
        if (tenant.AdminsMustUseMfa == command.Required)
            return Unit.Value;
        tenant.RequireAdminMfa(command.Required);
        audit.Record(AuditActions.TenantAdminMfaRequired, AuditTarget.Tenant(tenant.Slug), AuditDetails.Of("required", command.Required));
        return Unit.Value;
    }
}
