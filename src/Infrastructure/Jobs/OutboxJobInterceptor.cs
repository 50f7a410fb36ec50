using System.Data.Common;
using AlexaLinkHub.Domain.Users;
using AlexaLinkHub.Domain.Webhooks;
using AlexaLinkHub.Domain.Emails;
using AlexaLinkHub.Infrastructure.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlexaLinkHub.Infrastructure.Jobs;

internal enum OutboxKind
{
    Email,
    Webhook,
    UserImport,
}

internal sealed record OutboxItem(OutboxKind Kind, Guid? TenantId, Guid Id);

/// <summary>Enqueues the delivery job of each outbox row (email, webhook delivery) once the transaction that stored it
/// has committed — not before, or the job could run before the row is visible, and not at all when it rolls back. A
/// reset email thus leaves within seconds. If the enqueue fails, the row stays due and the sweep job sends it. A user
/// import whose upload has just been staged whole is started the same way.</summary>
internal sealed partial class OutboxJobInterceptor(IServiceProvider services, ILogger<OutboxJobInterceptor> logger)
    : ISaveChangesInterceptor, IDbTransactionInterceptor
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
        FlushUnlessInTransaction(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        FlushUnlessInTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Discard(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Flush(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Discard(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Collect(DbContext? context)
    {
        if (context is not AppDbContext db)
            return;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.Entity is UserImport { Status: UserImportStatus.Queued } import && entry.State == EntityState.Modified
                && entry.Property(nameof(UserImport.Status)).OriginalValue is not UserImportStatus.Queued)
                db.PendingOutbox.Add(new OutboxItem(OutboxKind.UserImport, import.TenantId, import.Id));
            // A failed delivery sent again (WebhookDelivery.Redeliver) is due once more, like a new one.
            if (entry.Entity is WebhookDelivery { Status: WebhookDeliveryStatus.Pending } redelivery && entry.State == EntityState.Modified
                && entry.Property(nameof(WebhookDelivery.Status)).OriginalValue is WebhookDeliveryStatus.Failed)
                db.PendingOutbox.Add(new OutboxItem(OutboxKind.Webhook, redelivery.TenantId, redelivery.Id));
            if (entry.State != EntityState.Added)
                continue;
            switch (entry.Entity)
            {
                case OutboundEmail email:
                    db.PendingOutbox.Add(new OutboxItem(OutboxKind.Email, email.TenantId, email.Id));
                    break;
                case WebhookDelivery delivery:
                    db.PendingOutbox.Add(new OutboxItem(OutboxKind.Webhook, delivery.TenantId, delivery.Id));
                    break;
            }
        }
    }

    private void FlushUnlessInTransaction(DbContext? context)
    {
        if (context is AppDbContext db && db.Database.CurrentTransaction is null)
            Flush(db);
    }

    private static void Discard(DbContext? context)
    {
        if (context is AppDbContext db)
            db.PendingOutbox.Clear();
    }

    private void Flush(DbContext? context)
    {
        if (context is not AppDbContext db || db.PendingOutbox.Count == 0)
            return;
        var items = db.PendingOutbox.ToList();
        db.PendingOutbox.Clear();
        if (services.GetService<IBackgroundJobClient>() is not { } jobs)
            return;
        foreach (var item in items)
        {
            try
            {
                var (tenantId, id) = (item.TenantId, item.Id);
                switch (item.Kind)
                {
                    case OutboxKind.Email:
                        jobs.Enqueue<EmailJobs>(j => j.DeliverAsync(tenantId, id, CancellationToken.None));
                        break;
                    case OutboxKind.Webhook:
                        jobs.Enqueue<WebhookJobs>(j => j.DeliverAsync(tenantId!.Value, id, CancellationToken.None));
                        break;
                    default:
                        jobs.Enqueue<UserImportJobs>(j => j.RunAsync(tenantId!.Value, id, CancellationToken.None));
                        break;
                }
            }
            catch (Exception ex)
            {
                LogEnqueueFailed(logger, item.Kind, item.Id, ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not enqueue the delivery of {Kind} {Id} ({Error}); the sweep job will send it.")]
    private static partial void LogEnqueueFailed(ILogger logger, OutboxKind kind, Guid id, string error);
}
