using AlexaLinkHub.Application.Common.Interfaces;
using Mediator;

namespace AlexaLinkHub.Application.Tenants;

/// <summary>The tenants the current admin is a member of (an admin may administer several), by name. Platform admins
/// reach every tenant through <see cref="ListTenants"/> instead.</summary>
public sealed record ListAdministeredTenants : IQuery<IReadOnlyList<TenantSummary>>, IAdminRequest;

public sealed record TenantSummary(Guid Id, string Slug, string DisplayName, string Status);

public sealed class ListAdministeredTenantsHandler(ITenantRepository tenants, ICurrentActor actor) : IQueryHandler<ListAdministeredTenants, IReadOnlyList<TenantSummary>>
{
    public async ValueTask<IReadOnlyList<TenantSummary>> Handle(ListAdministeredTenants query, CancellationToken cancellationToken)
    {
        if (actor.TenantIds.Count == 0)
            return [];
        return (await tenants.ListByIdsAsync(actor.TenantIds, cancellationToken))
            .Select(t => new TenantSummary(t.Id, t.Slug, t.DisplayName, TenantStatusNames.ToWire(t.Status)))
            .OrderBy(t => t.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }
}
