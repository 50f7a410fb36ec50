namespace AlexaLinkHub.Application.Dashboard;

/// <summary>The background job system's state as its storage reports it.</summary>
public sealed record JobHealthDto(long Servers, long Enqueued, long Scheduled, long Processing, long Failed, long Succeeded)
{
    /// <summary>Healthy: a server is running and no job sits in the failed state.</summary>
    public bool Healthy => Servers > 0 && Failed == 0;
}

public interface IJobHealth
{
    Task<JobHealthDto> ReadAsync(CancellationToken cancellationToken);
}
