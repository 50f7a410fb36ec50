namespace AlexaLinkHub.Infrastructure.Jobs;

/// <summary>Configuration section <c>Jobs</c> (Hangfire).</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Run the job server in this process (default). Set false on web instances when a separate worker — the same
    /// app with this left true — runs the jobs; every instance can still enqueue them.</summary>
    public bool RunServer { get; set; } = true;

    public int WorkerCount { get; set; } = 4;

    /// <summary>How often an idle worker looks for enqueued jobs: the delay before a queued email or webhook leaves. Half a
    /// second so that a <c>token.revoked</c> webhook reaches a skill backend, and its cached introspection answer goes,
    /// within 1.5 s of the revocation even on a cold path (docs/decisions/017); at 1 s the first delivery took up to 1.7 s.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often scheduled jobs (delivery retries) and recurring jobs are checked for being due.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>SQLite only: the job storage's own database file. Default: beside the app database, <c>…/{name}.jobs.db</c>.</summary>
    public string? SqliteFile { get; set; }
}
