using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Audit;
using Mediator;

namespace AlexaLinkHub.Application.Tenants;

/// <summary>Suspends the tenant in scope: its login pages and tokens stop working at once.</summary>
public sealed record SuspendTenant : ICommand, IPlatformAdminRequest;

public sealed class SuspendTenantHandler(ITenantRepository tenants, ITenantContext scope, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<SuspendTenant>
{
    public async ValueTask<Unit> Handle(SuspendTenant command, CancellationToken cancellationToken)
    {
        var tenant = await tenants.FindByIdAsync(scope.RequiredTenantId, cancellationToken) ?? throw new NotFoundException("Tenant not found.");
        if (!tenant.IsActive)
            return Unit.Value;
        tenant.Suspend(clock.GetUtcNow());
        audit.Record(AuditActions.TenantSuspended, AuditTarget.Tenant(tenant.Slug));
        return Unit.Value;
    }
}
