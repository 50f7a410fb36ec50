using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AlexaLinkHub.Infrastructure.Persistence.Interceptors;

/// <summary>Work that follows a change once it is durable: <see cref="Collect"/> reads the change tracker as a save begins,
/// <see cref="Saved"/> runs after each save, and <see cref="Committed"/> once the change is committed — right after the
/// save when no transaction is open, else when the transaction commits; <see cref="RolledBack"/> when the save fails or
/// the transaction rolls back.</summary>
internal abstract class AfterCommitInterceptor : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    protected abstract void Collect(AppDbContext db);

    protected virtual void Saved(AppDbContext db)
    {
    }

    protected abstract void Committed(AppDbContext db);

    protected abstract void RolledBack(AppDbContext db);

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        On(eventData.Context, Collect);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        On(eventData.Context, Collect);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        AfterSave(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        AfterSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => On(eventData.Context, RolledBack);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        On(eventData.Context, RolledBack);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => On(eventData.Context, Committed);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        On(eventData.Context, Committed);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => On(eventData.Context, RolledBack);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        On(eventData.Context, RolledBack);
        return Task.CompletedTask;
    }

    private void AfterSave(DbContext? context)
    {
        if (context is not AppDbContext db)
            return;
        Saved(db);
        if (db.Database.CurrentTransaction is null)
            Committed(db);
    }

    private static void On(DbContext? context, Action<AppDbContext> step)
    {
        if (context is AppDbContext db)
            step(db);
    }
}
