using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using Mediator;

namespace AlexaLinkHub.Application.Tenants;

/// <summary>Resolves <c>/api/v1/tenants/{slug}</c>: puts the tenant in scope when the actor may administer it. A tenant
/// the actor may not see is reported as not found — the same answer as a slug that does not exist.</summary>
public sealed record EnterTenantScope(string Slug) : IQuery<Guid>, IAdminRequest;

public sealed class EnterTenantScopeHandler(ITenantRepository tenants, TenantContext scope, ICurrentActor actor)
    : IQueryHandler<EnterTenantScope, Guid>
{
    public async ValueTask<Guid> Handle(EnterTenantScope query, CancellationToken cancellationToken)
    {
        var tenant = await tenants.FindBySlugAsync(query.Slug, cancellationToken);
        if (tenant is null || !actor.CanAdminister(tenant.Id))
            throw new NotFoundException("Tenant not found.");
        scope.EnterTenant(tenant.Id, tenant.Slug);
        return tenant.Id;
    }
}
