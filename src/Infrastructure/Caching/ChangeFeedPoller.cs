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
/// everything cached is declared stale. See docs/decisions/014.</summary>
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollAsync(stoppingToken);
                await Task.Delay(Interval, Wall, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            // Whatever the failure (an outage arrives wrapped by the read-retrying strategy), the feed is lost, never the
            // host: an exception escaping a BackgroundService stops the whole instance.
            catch (Exception ex)
            {
                if (!_lost)
                    LogFeedLost(logger, ex.GetType().Name);
                _lost = true;
                await Task.Delay(Interval, Wall, stoppingToken);
            }
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        var startedAt = Environment.TickCount64;
        var now = Wall.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var notices = db.Set<ChangeNotice>().AsNoTracking();
        if (_lost)
        {
            // Nothing read while the feed was lost is trusted: start from what exists now, with an empty cache.
            _lastId = await notices.MaxAsync(n => (long?)n.Id, cancellationToken) ?? 0;
            clock.TouchAll();
            _lost = false;
        }
        else
        {
            var since = now - Lookback;
            var last = _lastId;
            var rows = await notices.Where(n => n.Id > last || n.RecordedAt >= since)
                .Select(n => new { n.Id, n.TargetId }).ToListAsync(cancellationToken);
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
            await notices.Where(n => n.RecordedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the change feed failed ({Error}); tokens are checked in the database until it is read again.")]
    private static partial void LogFeedLost(ILogger logger, string error);
}
