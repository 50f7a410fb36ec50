using AlexaLinkHub.Domain.Skills;
using AlexaLinkHub.Domain.Tenants;
using AlexaLinkHub.Domain.Users;
using AlexaLinkHub.Infrastructure.OAuth;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.Infrastructure.Persistence.Interceptors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace AlexaLinkHub.Infrastructure.Caching;

/// <summary>The change feed's writer. Every change that can end a token or change an answer about it — a token's or a
/// grant's status, any change to a user, a skill or a tenant, any of them deleted — touches the <see cref="ChangeClock"/>
/// when it is saved and again when its transaction commits (so a read that raced the commit is stale too), and with a
/// shared database adds a <see cref="ChangeNotice"/> to the same transaction for the other instances. Bulk statements
/// (<c>ExecuteUpdate</c>/<c>ExecuteDelete</c>) bypass the change tracker: their callers announce them with
/// <see cref="ChangeFeed.Announce"/>.</summary>
internal sealed class ChangeFeedInterceptor(ChangeClock clock, TimeProvider time) : AfterCommitInterceptor
{
    protected override void Collect(AppDbContext db)
    {
        var found = new List<Guid>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.Metadata.IsOwned())
            {
                // A row the owner owns (a tenant's texts in their own table): added, changed or removed, it changes what
                // is cached about the owner, whose own entry may stay unchanged.
                if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && OwnerOf(entry) is { } owner)
                    found.Add(owner);
                continue;
            }
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

    /// <summary>The owner's id, when a cache depends on the owner (tenant, skill, user).</summary>
    private static Guid? OwnerOf(EntityEntry entry)
    {
        if (entry.Metadata.FindOwnership() is not { } ownership
            || ownership.PrincipalEntityType.ClrType is var owner && owner != typeof(Tenant) && owner != typeof(Skill) && owner != typeof(EndUser))
            return null;
        var key = entry.Property(ownership.Properties[0].Name);
        return (key.CurrentValue ?? key.OriginalValue) as Guid?;
    }

    private static bool StatusChanged(EntityEntry entry, string property) =>
        entry.Property(property) is { IsModified: true } p && !Equals(p.OriginalValue, p.CurrentValue);

    protected override void Saved(AppDbContext db)
    {
        foreach (var id in db.PendingChanges)
            clock.Touch(id);
    }

    protected override void Committed(AppDbContext db)
    {
        foreach (var id in db.PendingChanges)
            clock.Touch(id);
        db.PendingChanges.Clear();
    }

    // Rolled back: nothing changed, but what was touched early stays touched (one cold read more, never a stale one).
    protected override void RolledBack(AppDbContext db) => Committed(db);
}
