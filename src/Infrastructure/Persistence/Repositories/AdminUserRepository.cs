using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Domain.Admins;
using AlexaLinkHub.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Infrastructure.Persistence.Repositories;

internal sealed class AdminUserRepository(AppDbContext db) : IAdminUserRepository
{
    public Task<AdminUser?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = EmailAddress.Normalize(email);
        return Whole().FirstOrDefaultAsync(a => a.NormalizedEmail == normalized, cancellationToken);
    }

    public Task<AdminUser?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        Whole().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    public async Task<IReadOnlyList<AdminUser>> ListForTenantAsync(Guid tenantId, CancellationToken cancellationToken) =>
        await db.AdminUsers.AsNoTracking().Include(a => a.Memberships).Include(a => a.Passkeys).AsSplitQuery()
            .Where(a => a.Memberships.Any(m => m.TenantId == tenantId))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<AdminUser>> ListTeamAsync(Guid tenantId, CancellationToken cancellationToken) =>
        await db.AdminUsers.Include(a => a.Memberships).Where(a => a.Memberships.Any(m => m.TenantId == tenantId)).ToListAsync(cancellationToken);

    public Task<bool> AnyPlatformAdminAsync(CancellationToken cancellationToken) =>
        db.AdminUsers.AnyAsync(a => a.IsPlatformAdmin, cancellationToken);

    public void Add(AdminUser admin) => db.AdminUsers.Add(admin);

    /// <summary>The whole aggregate: memberships and second factors.</summary>
    private IQueryable<AdminUser> Whole() =>
        db.AdminUsers.Include(a => a.Memberships).Include(a => a.RecoveryCodes).Include(a => a.Passkeys).AsSplitQuery();
}
