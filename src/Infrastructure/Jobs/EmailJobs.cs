using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Application.Emails;
using Hangfire;
using Mediator;

namespace AlexaLinkHub.Infrastructure.Jobs;

/// <summary>Email delivery: one job per email (enqueued when the change that queued it commits, scheduled again for each
/// retry), and a sweep for emails whose job was lost.</summary>
public sealed class EmailJobs(JobScope scope, ISender sender, IBackgroundJobClient jobs, TimeProvider clock)
{
    // Retries are the outbox's own (backoff stored on the row); Hangfire's would resend outside it.
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Deliver email {1}")]
    public async Task<string> DeliverAsync(Guid? tenantId, Guid emailId, CancellationToken cancellationToken)
    {
        if (!await scope.EnterAsync(tenantId, cancellationToken))
            return JobScope.TenantGone;
        var outcome = await sender.Send(new DeliverEmail(emailId), cancellationToken);
        if (outcome.RetryAt is { } retryAt)
            jobs.Schedule<EmailJobs>(j => j.DeliverAsync(tenantId, emailId, CancellationToken.None), JobDelays.Until(retryAt, clock));
        return outcome.Result.ToString();
    }

    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Sweep overdue emails")]
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        scope.EnterPlatform();
        var due = await sender.Send(new ListDueEmails(), cancellationToken);
        foreach (var (tenantId, emailId) in due)
            jobs.Enqueue<EmailJobs>(j => j.DeliverAsync(tenantId, emailId, CancellationToken.None));
        return due.Count;
    }
}

internal static class JobDelays
{
    /// <summary>The wait until <paramref name="at"/> on the app's clock (Hangfire schedules on the wall clock).</summary>
    public static TimeSpan Until(DateTimeOffset at, TimeProvider clock)
    {
        var delay = at - clock.GetUtcNow();
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }
}
