using AlexaLinkHub.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AlexaLinkHub.Infrastructure.Persistence.Interceptors;

/// <summary>The write-side twin of the query filter: a tenant-owned row written inside a tenant scope gets that
/// tenant's id when it has none, and a write to another tenant's row is refused outright.</summary>
internal sealed class TenantGuardInterceptor : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Guard(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Guard(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    private static void Guard(DbContext? context)
    {
        if (context is not AppDbContext db || db.IsPlatformScope)
            return;

        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            if (entry.Entity is not (ITenantOwned or ITenantOrPlatformOwned))
                continue;

            var property = entry.Property(nameof(ITenantOwned.TenantId));
            var owner = property.CurrentValue as Guid?;
            if (entry.State == EntityState.Added && (owner is null || owner == Guid.Empty) && entry.Entity is ITenantOwned && db.CurrentTenantId is { } current)
            {
                property.CurrentValue = current;
                continue;
            }

            if (owner is { } id && id != Guid.Empty)
                EnsureWritable(db, id, entry.Metadata.ClrType);
        }
    }

    /// <summary>The same refusal for rows written past the change tracker (<see cref="BulkInserts.BulkInsert"/>).</summary>
    internal static void EnsureWritable(AppDbContext db, Guid owner, Type entity)
    {
        if (!db.IsPlatformScope && owner != db.CurrentTenantId)
            throw new InvalidOperationException($"Refusing to write a {entity.Name} of another tenant.");
    }
}
