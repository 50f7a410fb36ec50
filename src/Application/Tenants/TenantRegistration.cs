using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Tenants;

namespace AlexaLinkHub.Application.Tenants;

/// <summary>The one way a tenant comes into being — by a platform admin (<see cref="CreateTenant"/>) or by a vendor
/// signing up (<see cref="Admins.SignUpVendor"/>): the slug must be free, and the creation is audited in the tenant.</summary>
public sealed class TenantRegistration(ITenantRepository tenants, IAuditLog audit, TimeProvider clock)
{
    public async Task<Tenant> RegisterAsync(string slug, string displayName, CancellationToken cancellationToken)
    {
        var trimmed = slug.Trim();
        if (await tenants.SlugExistsAsync(trimmed, cancellationToken))
            throw new ConflictException($"The slug '{trimmed}' is taken.", "slug");

        var tenant = Tenant.Create(trimmed, displayName, clock.GetUtcNow());
        tenants.Add(tenant);
        audit.Record(AuditActions.TenantCreated, AuditTarget.Tenant(tenant.Slug), AuditDetails.Of("displayName", tenant.DisplayName), tenant.Id);
        return tenant;
    }
}
