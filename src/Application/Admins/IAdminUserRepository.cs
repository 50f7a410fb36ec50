using AlexaLinkHub.Domain.Admins;

namespace AlexaLinkHub.Application.Admins;

public interface IAdminUserRepository
{
    Task<AdminUser?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    Task<AdminUser?> FindByIdAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The admins with a membership of the tenant (platform admins reach every tenant and are not listed).</summary>
    Task<IReadOnlyList<AdminUser>> ListForTenantAsync(Guid tenantId, CancellationToken cancellationToken);

    /// <summary>The same admins with their memberships, tracked: for changing the team (<see cref="Domain.Admins.TenantTeam"/>).</summary>
    Task<IReadOnlyList<AdminUser>> ListTeamAsync(Guid tenantId, CancellationToken cancellationToken);

    Task<bool> AnyPlatformAdminAsync(CancellationToken cancellationToken);

    void Add(AdminUser admin);
}
