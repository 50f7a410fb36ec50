using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Audit;
using Mediator;

namespace AlexaLinkHub.Application.Tenants;

public sealed record ReactivateTenant : ICommand, IPlatformAdminRequest;

public sealed class ReactivateTenantHandler(ITenantRepository tenants, ITenantContext scope, IAuditLog audit)
    : ICommandHandler<ReactivateTenant>
{
    public async ValueTask<Unit> Handle(ReactivateTenant command, CancellationToken cancellationToken)
    {
        var tenant = await tenants.FindByIdAsync(scope.RequiredTenantId, cancellationToken) ?? throw new NotFoundException("Tenant not found.");
        if (tenant.IsActive)
            return Unit.Value;
        tenant.Reactivate();
        audit.Record(AuditActions.TenantReactivated, AuditTarget.Tenant(tenant.Slug));
        return Unit.Value;
    }
}
