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
        return db.AdminUsers.Include(a => a.Memberships).FirstOrDefaultAsync(a => a.NormalizedEmail == normalized, cancellationToken);
    }

    public Task<bool> AnyPlatformAdminAsync(CancellationToken cancellationToken) =>
        db.AdminUsers.AnyAsync(a => a.IsPlatformAdmin, cancellationToken);

    public void Add(AdminUser admin) => db.AdminUsers.Add(admin);
}
