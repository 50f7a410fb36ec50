using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Domain.Tenants;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Infrastructure.Persistence.Repositories;

internal sealed class TenantRepository(AppDbContext db) : ITenantRepository
{
    public Task<Tenant?> FindBySlugAsync(string slug, CancellationToken cancellationToken) =>
        db.Tenants.FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);

    public async Task<Tenant?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Tenants.FindAsync([id], cancellationToken);

    public Task<bool> SlugExistsAsync(string slug, CancellationToken cancellationToken) =>
        db.Tenants.AnyAsync(t => t.Slug == slug, cancellationToken);

    public async Task<(int All, int Suspended)> CountAsync(CancellationToken cancellationToken) =>
        (await db.Tenants.CountAsync(cancellationToken), await db.Tenants.CountAsync(t => t.Status == TenantStatus.Suspended, cancellationToken));

    public Task<Page<Tenant>> ListAsync(int page, int pageSize, CancellationToken cancellationToken) =>
        db.Tenants.OrderBy(t => t.Slug).ToPageAsync(page, pageSize, cancellationToken);

    public async Task<IReadOnlyList<Tenant>> ListByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await db.Tenants.AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync(cancellationToken);

    public void Add(Tenant tenant) => db.Tenants.Add(tenant);
}
