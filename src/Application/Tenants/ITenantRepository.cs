using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Domain.Tenants;

namespace AlexaLinkHub.Application.Tenants;

public interface ITenantRepository
{
    Task<Tenant?> FindBySlugAsync(string slug, CancellationToken cancellationToken);

    Task<Tenant?> FindByIdAsync(Guid id, CancellationToken cancellationToken);

    Task<bool> SlugExistsAsync(string slug, CancellationToken cancellationToken);

    /// <summary>Every tenant, and how many of them are suspended.</summary>
    Task<(int All, int Suspended)> CountAsync(CancellationToken cancellationToken);

    Task<Page<Tenant>> ListAsync(int page, int pageSize, CancellationToken cancellationToken);

    Task<IReadOnlyList<Tenant>> ListByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    void Add(Tenant tenant);
}
