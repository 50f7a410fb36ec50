using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace AlexaLinkHub.Infrastructure.Jobs;

/// <summary>Every recurring job, in one place. Schedules are UTC. Registering is idempotent, so every instance does it
/// at startup.</summary>
public static class RecurringJobs
{
    public const string EmailSweep = "email:sweep";
    public const string WebhookSweep = "webhooks:sweep";
    public const string PruneTokens = "oauth:prune-tokens";
    public const string TrimAuditLog = "audit:trim";
    public const string UserImportSweep = "imports:sweep";
    public const string EndTestLinks = "links:end-test-links";

    public static void RegisterRecurringJobs(this IServiceProvider services)
    {
        var manager = services.GetRequiredService<IRecurringJobManager>();
        var utc = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
        // Safety nets: a delivery's own job normally sends it within seconds of the commit, or of its retry time.
        manager.AddOrUpdate<EmailJobs>(EmailSweep, j => j.SweepAsync(CancellationToken.None), Cron.Minutely(), utc);
        manager.AddOrUpdate<WebhookJobs>(WebhookSweep, j => j.SweepAsync(CancellationToken.None), Cron.Minutely(), utc);
        manager.AddOrUpdate<UserImportJobs>(UserImportSweep, j => j.SweepAsync(CancellationToken.None), Cron.Minutely(), utc);
        // A console test link lives 15 minutes (docs/decisions/021): ended within a minute of that.
        manager.AddOrUpdate<MaintenanceJobs>(EndTestLinks, j => j.EndTestLinksAsync(CancellationToken.None), Cron.Minutely(), utc);
        manager.AddOrUpdate<MaintenanceJobs>(PruneTokens, j => j.PruneTokensAsync(CancellationToken.None), "17 3 * * *", utc);
        manager.AddOrUpdate<MaintenanceJobs>(TrimAuditLog, j => j.TrimAuditLogAsync(CancellationToken.None), "47 3 * * *", utc);
    }
}
