using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Infrastructure.Persistence.Repositories;

internal sealed class SignInThrottleRepository(AppDbContext db) : ISignInThrottleRepository
{
    public Task<SignInThrottle?> FindAsync(string key, CancellationToken cancellationToken) =>
        db.SignInThrottles.FirstOrDefaultAsync(t => t.Key == key, cancellationToken);

    public async Task<SignInThrottle> LockAsync(Guid tenantId, string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A no-op UPDATE takes the row lock on every provider (PostgreSQL and SQL Server wait for a concurrent holder to
        // commit; SQLite's write transaction already excludes other writers), so the read after it sees the latest count.
        if (await TouchAsync(key, cancellationToken) == 0)
        {
            var created = SignInThrottle.Create(tenantId, key, now);
            db.SignInThrottles.Add(created);
            try
            {
                // Inside the command's transaction EF saves to a savepoint, so a lost insert race leaves it usable.
                await db.SaveChangesAsync(cancellationToken);
                return created;
            }
            catch (DbUpdateException ex) when (UnitOfWork.IsUniqueViolation(ex))
            {
                db.Entry(created).State = EntityState.Detached;
                await TouchAsync(key, cancellationToken);
            }
        }

        // An instance tracked from an earlier read of this scope would keep its old values: reload it instead.
        if (db.SignInThrottles.Local.FirstOrDefault(t => t.Key == key) is { } tracked)
        {
            await db.Entry(tracked).ReloadAsync(cancellationToken);
            return tracked;
        }
        return await db.SignInThrottles.SingleAsync(t => t.Key == key, cancellationToken);
    }

    private Task<int> TouchAsync(string key, CancellationToken cancellationToken) =>
        db.SignInThrottles.Where(t => t.Key == key)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.FailedCount, t => t.FailedCount), cancellationToken);

    public void Remove(SignInThrottle throttle) => db.SignInThrottles.Remove(throttle);
}
