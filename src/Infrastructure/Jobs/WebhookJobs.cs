using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Application.Webhooks;
using Hangfire;
using Mediator;

namespace AlexaLinkHub.Infrastructure.Jobs;

/// <summary>Webhook delivery: one job per delivery, run in the delivery's tenant (enqueued when the link, unlink or
/// revocation commits, scheduled again for each retry), and a sweep for deliveries whose job was lost.</summary>
public sealed class WebhookJobs(JobScope scope, ISender sender, IBackgroundJobClient jobs, TimeProvider clock)
{
    // Retries follow the delivery's own backoff (stored on the row, shown in the delivery log), not Hangfire's.
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Deliver webhook {1}")]
    public async Task<string> DeliverAsync(Guid tenantId, Guid deliveryId, CancellationToken cancellationToken)
    {
        if (!await scope.EnterAsync(tenantId, cancellationToken))
            return JobScope.TenantGone;
        var outcome = await sender.Send(new DeliverWebhook(deliveryId), cancellationToken);
        if (outcome.RetryAt is { } retryAt)
            jobs.Schedule<WebhookJobs>(j => j.DeliverAsync(tenantId, deliveryId, CancellationToken.None), JobDelays.Until(retryAt, clock));
        return outcome.Result.ToString();
    }

    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Sweep overdue webhooks")]
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        scope.EnterPlatform();
        var due = await sender.Send(new ListDueWebhookDeliveries(), cancellationToken);
        foreach (var (tenantId, deliveryId) in due)
        {
            var tenant = tenantId!.Value;
            jobs.Enqueue<WebhookJobs>(j => j.DeliverAsync(tenant, deliveryId, CancellationToken.None));
        }
        return due.Count;
    }
}
