using AlexaLinkHub.Application.Common.Telemetry;
using Hangfire;
using Hangfire.Server;

namespace AlexaLinkHub.Infrastructure.Jobs;

/// <summary>Counts every job run that ends in an exception (<c>alh.jobs.failed</c>), tagged by its job — the class and
/// method, a fixed set — never by its arguments. Hangfire's filters are process-wide, so it is registered once.</summary>
internal sealed class JobFailureMetrics : IServerFilter
{
    private static readonly Lock s_registration = new();

    public static void RegisterOnce()
    {
        lock (s_registration)
        {
            if (!GlobalJobFilters.Filters.Any(f => f.Instance is JobFailureMetrics))
                GlobalJobFilters.Filters.Add(new JobFailureMetrics());
        }
    }

    public void OnPerforming(PerformingContext context)
    {
    }

    public void OnPerformed(PerformedContext context)
    {
        if (context.Exception is not null && !context.ExceptionHandled)
            LinkHubMetrics.JobFailed($"{context.BackgroundJob.Job.Type.Name}.{context.BackgroundJob.Job.Method.Name}");
    }
}
