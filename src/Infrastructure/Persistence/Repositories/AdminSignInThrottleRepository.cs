using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Domain.Admins;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Infrastructure.Persistence.Repositories;

internal sealed class AdminSignInThrottleRepository(AppDbContext db) : IAdminSignInThrottleRepository
{
    public async Task<AdminSignInThrottle?> FindAsync(string key, CancellationToken cancellationToken) =>
        db.ChangeTracker.Entries<AdminSignInThrottle>().FirstOrDefault(e => e.Entity.Key == key)?.Entity
        ?? await db.Set<AdminSignInThrottle>().FirstOrDefaultAsync(t => t.Key == key, cancellationToken);

    public Task<AdminSignInThrottle> LockAsync(string key, DateTimeOffset now, CancellationToken cancellationToken) =>
        ThrottleRowLock.LockAsync(db, key, () => AdminSignInThrottle.Create(key, now), cancellationToken);
}
