using AlexaLinkHub.Application.Dashboard;
using Hangfire;

namespace AlexaLinkHub.Infrastructure.Jobs;

/// <summary>Hangfire's own statistics (the numbers its dashboard at /admin/jobs shows), read from the job storage.</summary>
internal sealed class JobHealth(JobStorage storage) : IJobHealth
{
    public Task<JobHealthDto> ReadAsync(CancellationToken cancellationToken)
    {
        // Hangfire's monitoring API is synchronous; it is one small query on the job storage.
        var stats = storage.GetMonitoringApi().GetStatistics();
        return Task.FromResult(new JobHealthDto(stats.Servers, stats.Enqueued, stats.Scheduled, stats.Processing, stats.Failed, stats.Succeeded));
    }
}
