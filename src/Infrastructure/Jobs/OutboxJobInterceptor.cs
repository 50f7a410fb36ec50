using AlexaLinkHub.Domain.Users;
using AlexaLinkHub.Domain.Webhooks;
using AlexaLinkHub.Domain.Emails;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.Infrastructure.Persistence.Interceptors;
using Hangfire;
using Microsoft.EntityFrameworkCore;
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
internal sealed partial class OutboxJobInterceptor(IServiceProvider services, ILogger<OutboxJobInterceptor> logger) : AfterCommitInterceptor
{
    protected override void Collect(AppDbContext db)
    {
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

    protected override void RolledBack(AppDbContext db) => db.PendingOutbox.Clear();

    protected override void Committed(AppDbContext db)
    {
        if (db.PendingOutbox.Count == 0)
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
