using AlexaLinkHub.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Infrastructure.Persistence.Repositories;

/// <summary>The failed-sign-in row of a key, created when missing, read after taking a lock on it that concurrent
/// writers wait for until the current transaction ends — what lets parallel guesses (on one instance or many) each take
/// an attempt in turn. End users' and admins' throttles share it.</summary>
internal static class ThrottleRowLock
{
    public static async Task<T> LockAsync<T>(AppDbContext db, string key, Func<T> create, CancellationToken cancellationToken)
        where T : FailedSignIns
    {
        var rows = db.Set<T>();
        // A no-op UPDATE takes the row lock on every provider (PostgreSQL and SQL Server wait for a concurrent holder to
        // commit; SQLite's write transaction already excludes other writers), so the read after it sees the latest count.
        if (await TouchAsync(rows, key, cancellationToken) == 0)
        {
            var created = create();
            rows.Add(created);
            try
            {
                // Inside the command's transaction EF saves to a savepoint, so a lost insert race leaves it usable.
                await db.SaveChangesAsync(cancellationToken);
                return created;
            }
            catch (DbUpdateException ex) when (UnitOfWork.IsUniqueViolation(ex))
            {
                db.Entry(created).State = EntityState.Detached;
                await TouchAsync(rows, key, cancellationToken);
            }
        }

        // An instance tracked from an earlier read of this scope would keep its old values: reload it instead.
        if (rows.Local.FirstOrDefault(t => t.Key == key) is { } tracked)
        {
            await db.Entry(tracked).ReloadAsync(cancellationToken);
            return tracked;
        }
        return await rows.SingleAsync(t => t.Key == key, cancellationToken);
    }

    private static Task<int> TouchAsync<T>(DbSet<T> rows, string key, CancellationToken cancellationToken) where T : FailedSignIns =>
        rows.Where(t => t.Key == key).ExecuteUpdateAsync(set => set.SetProperty(t => t.FailedCount, t => t.FailedCount), cancellationToken);
}
