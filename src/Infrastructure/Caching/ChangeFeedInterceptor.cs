using System.Data.Common;
using AlexaLinkHub.Domain.Skills;
using AlexaLinkHub.Domain.Tenants;
using AlexaLinkHub.Domain.Users;
using AlexaLinkHub.Infrastructure.OAuth;
using AlexaLinkHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AlexaLinkHub.Infrastructure.Caching;

/// <summary>The change feed's writer. Every change that can end a token or change an answer about it — a token's or a
/// grant's status, any change to a user, a skill or a tenant, any of them deleted — touches the <see cref="ChangeClock"/>
/// when it is saved and again when its transaction commits (so a read that raced the commit is stale too), and with a
/// shared database adds a <see cref="ChangeNotice"/> to the same transaction for the other instances. Bulk statements
/// (<c>ExecuteUpdate</c>/<c>ExecuteDelete</c>) bypass the change tracker: their callers announce them with
/// <see cref="ChangeFeed.Announce"/>.</summary>
internal sealed class ChangeFeedInterceptor(ChangeClock clock, TimeProvider time) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        // Rolled back: nothing changed, but what was touched early stays touched (one cold read more, never a stale one).
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is not AppDbContext db)
            return;
        var found = new List<Guid>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Modified or EntityState.Deleted))
                continue;
            if (TargetOf(entry) is { } id)
                found.Add(id);
        }
        if (found.Count == 0)
            return;
        if (db.SharesDatabase)
        {
            var now = time.GetUtcNow();
            db.Set<ChangeNotice>().AddRange(found.Select(id => new ChangeNotice { TargetId = id, RecordedAt = now }));
        }
        db.PendingChanges.AddRange(found);
    }

    /// <summary>The id a changed row stands for, if a cache depends on it.</summary>
    private static Guid? TargetOf(EntityEntry entry) => entry.Entity switch
    {
        OAuthToken token when entry.State == EntityState.Deleted || StatusChanged(entry, nameof(OAuthToken.Status)) || StatusChanged(entry, nameof(OAuthToken.ExpirationDate)) => token.Id,
        OAuthAuthorization grant when entry.State == EntityState.Deleted || StatusChanged(entry, nameof(OAuthAuthorization.Status)) => grant.Id,
        EndUser user => user.Id,
        Skill skill => skill.Id,
        Tenant tenant => tenant.Id,
        _ => null,
    };

    private static bool StatusChanged(EntityEntry entry, string property) =>
        entry.Property(property) is { IsModified: true } p && !Equals(p.OriginalValue, p.CurrentValue);

    private void Saved(DbContext? context)
    {
        if (context is not AppDbContext db || db.PendingChanges.Count == 0)
            return;
        foreach (var id in db.PendingChanges)
            clock.Touch(id);
        if (db.Database.CurrentTransaction is null)
            db.PendingChanges.Clear();
    }

    private void Committed(DbContext? context)
    {
        if (context is not AppDbContext db || db.PendingChanges.Count == 0)
            return;
        foreach (var id in db.PendingChanges)
            clock.Touch(id);
        db.PendingChanges.Clear();
    }
}
