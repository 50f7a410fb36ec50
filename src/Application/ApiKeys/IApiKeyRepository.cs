using AlexaLinkHub.Domain.Admins;

namespace AlexaLinkHub.Application.ApiKeys;

/// <summary>API keys are global rows (a platform key has no tenant); every tenant-facing method takes the tenant explicitly.</summary>
public interface IApiKeyRepository
{
    Task<ApiKey?> FindByHashAsync(string keyHash, CancellationToken cancellationToken);

    Task<ApiKey?> FindForTenantAsync(Guid tenantId, Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKey>> ListForTenantAsync(Guid tenantId, CancellationToken cancellationToken);

    Task<bool> AnyPlatformKeyAsync(CancellationToken cancellationToken);

    void Add(ApiKey key);
}
