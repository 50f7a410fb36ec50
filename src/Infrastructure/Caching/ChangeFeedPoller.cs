using AlexaLinkHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AlexaLinkHub.Infrastructure.Caching;

/// <summary>The change feed's reader, with a shared database (PostgreSQL, SQL Server): every <see cref="Interval"/> it
/// reads the change notices other instances committed and touches the <see cref="ChangeClock"/> for each, so nothing
/// cached here outlives a change made elsewhere by more than <see cref="Bound"/>. A notice is found by id (newer than
/// the last seen) or by time (the last <see cref="Lookback"/>, for a transaction that took an id early and committed
/// late). While the feed cannot be read the clock is out of sync and caches answer nothing from memory; after an outage
/// everything cached is declared stale.
/// <para>It runs on a thread of its own with the database's synchronous API, not on the thread pool: on an instance
/// whose core is saturated the pool's queue is full of requests, a pooled poll waited behind them at each of its awaits
/// and missed the bound, and the caches switched off — which made every request a database read and kept the queue
/// full. A dedicated thread is scheduled by the operating system beside the pool's threads, so a poll takes its few
/// milliseconds however busy the pool is.</para> See docs/decisions/014.</summary>
internal sealed partial class ChangeFeedPoller(ChangeClock clock, IServiceScopeFactory scopes, ILogger<ChangeFeedPoller> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Lookback = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Retention = TimeSpan.FromHours(1);
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(5);

    // Feed timing is the machine's, not the application clock (which tests freeze).
    private static readonly TimeProvider Wall = TimeProvider.System;

    private readonly Dictionary<long, DateTimeOffset> _seen = [];
    private long _lastId;
    private bool _lost = true;
    private DateTimeOffset _nextPrune;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        clock.Synced(0);
        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Stopping does not wait for a poll under way (a synchronous read cannot be cancelled; during an outage it may wait
        // for the connect timeout): the thread ends after it, and a failure then is not logged.
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        stoppingToken.Register(() => stopped.TrySetResult());
        new Thread(() =>
        {
            Run(stoppingToken);
            stopped.TrySetResult();
        })
        { IsBackground = true, Name = "Change feed" }.Start();
        return stopped.Task;
    }

    private void Run(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                Poll();
            }
            // Whatever the failure (an outage arrives wrapped by the read-retrying strategy), the feed is lost, never the
            // host: an exception escaping a BackgroundService stops the whole instance.
            catch (Exception ex)
            {
                if (stoppingToken.IsCancellationRequested)
                    return;
                if (!_lost)
                    LogFeedLost(logger, ex.GetType().Name);
                _lost = true;
            }
            stoppingToken.WaitHandle.WaitOne(Interval);
        }
    }

    private void Poll()
    {
        var startedAt = Environment.TickCount64;
        var now = Wall.GetUtcNow();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var notices = db.Set<ChangeNotice>().AsNoTracking();
        if (_lost)
        {
            // Nothing read while the feed was lost is trusted: start from what exists now, with an empty cache.
            _lastId = notices.Max(n => (long?)n.Id) ?? 0;
            clock.TouchAll();
            _lost = false;
        }
        else
        {
            var since = now - Lookback;
            var last = _lastId;
            var rows = notices.Where(n => n.Id > last || n.RecordedAt >= since).Select(n => new { n.Id, n.TargetId }).ToList();
            foreach (var row in rows)
            {
                if (_seen.TryAdd(row.Id, now))
                    clock.Touch(row.TargetId);
                _lastId = Math.Max(_lastId, row.Id);
            }
            foreach (var old in _seen.Where(s => s.Value < since).Select(s => s.Key).ToList())
                _seen.Remove(old);
        }
        clock.Synced(startedAt + (long)Bound.TotalMilliseconds);

        if (now >= _nextPrune)
        {
            _nextPrune = now + PruneEvery;
            var cutoff = now - Retention;
            notices.Where(n => n.RecordedAt < cutoff).ExecuteDelete();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the change feed failed ({Error}); tokens are checked in the database until it is read again.")]
    private static partial void LogFeedLost(ILogger logger, string error);
}
