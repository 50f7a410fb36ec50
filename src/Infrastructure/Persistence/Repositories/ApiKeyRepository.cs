using AlexaLinkHub.Application.ApiKeys;
using AlexaLinkHub.Domain.Admins;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Infrastructure.Persistence.Repositories;

internal sealed class ApiKeyRepository(AppDbContext db) : IApiKeyRepository
{
    public Task<ApiKey?> FindByHashAsync(string keyHash, CancellationToken cancellationToken) =>
        db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyHash == keyHash, cancellationToken);

    public Task<ApiKey?> FindForTenantAsync(Guid tenantId, Guid id, CancellationToken cancellationToken) =>
        db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id && k.TenantId == tenantId, cancellationToken);

    public async Task<IReadOnlyList<ApiKey>> ListForTenantAsync(Guid tenantId, CancellationToken cancellationToken) =>
        await db.ApiKeys.AsNoTracking().Where(k => k.TenantId == tenantId).OrderBy(k => k.Name).ToListAsync(cancellationToken);

    public Task<bool> AnyPlatformKeyAsync(CancellationToken cancellationToken) =>
        db.ApiKeys.AnyAsync(k => k.TenantId == null && k.RevokedAt == null, cancellationToken);

    public void Add(ApiKey key) => db.ApiKeys.Add(key);
}
