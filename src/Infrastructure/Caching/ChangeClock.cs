using System.Collections.Concurrent;

namespace AlexaLinkHub.Infrastructure.Caching;

/// <summary>When each cached fact last changed, in this process's own logical time. A cache reads <see cref="Now"/>
/// before it loads an entry from the database and keeps that reading with it; the entry is current while none of the
/// ids it depends on (token, grant, user, skill, tenant) has been <see cref="Touch"/>ed since. Touching is what the change
/// feed does when a row changes — here at once, on other instances when they see the change notice
/// (<see cref="ChangeFeedPoller"/>). See docs/decisions/014.</summary>
public sealed class ChangeClock
{
    // Compaction: past this many remembered changes, everything cached is declared stale at once (one cold read each)
    // instead of remembering more.
    private const int MaxRemembered = 100_000;

    private readonly ConcurrentDictionary<Guid, long> _changedAt = new();
    private long _now = 1;
    private long _allChangedAt;
    private long _healthyUntilTicks = long.MaxValue;

    /// <summary>Raised after an id is touched (caches that index by it drop the entry).</summary>
    public event Action<Guid>? Touched;

    /// <summary>Raised after everything is declared stale.</summary>
    public event Action? Flushed;

    public long Now => Interlocked.Read(ref _now);

    // A change takes a tick of its own and then moves the clock past it, so a read that starts after the change is
    // stamped later than it (current) and one that started before it, or raced it, is not (stale). Without the second
    // step a reading equal to the last change counted as stale, and everything read after the poller's first TouchAll
    // (every PostgreSQL instance at start) stayed stale until some other change moved the clock: no cache answered.
    public void Touch(Guid id)
    {
        _changedAt[id] = Interlocked.Increment(ref _now);
        Interlocked.Increment(ref _now);
        if (_changedAt.Count > MaxRemembered)
            TouchAll();
        Touched?.Invoke(id);
    }

    public void TouchAll()
    {
        Interlocked.Exchange(ref _allChangedAt, Interlocked.Increment(ref _now));
        Interlocked.Increment(ref _now);
        _changedAt.Clear();
        Flushed?.Invoke();
    }

    /// <summary>True when nothing <paramref name="readAt"/> depends on has changed since.</summary>
    public bool IsCurrent(long readAt, Guid a, Guid b = default, Guid c = default, Guid d = default, Guid e = default) =>
        readAt > Interlocked.Read(ref _allChangedAt)
        && Unchanged(readAt, a) && Unchanged(readAt, b) && Unchanged(readAt, c) && Unchanged(readAt, d) && Unchanged(readAt, e);

    /// <summary>Whether changes made by other instances are known here in time. Always, with one process (SQLite); with a
    /// shared database, while the poller keeps up. A cache must not answer from memory otherwise.</summary>
    public bool InSync(long nowTicks) => nowTicks <= Interlocked.Read(ref _healthyUntilTicks);

    /// <summary>The poller read the feed: changes made elsewhere before now are known; the next read is due within the bound.</summary>
    internal void Synced(long untilTicks) => Interlocked.Exchange(ref _healthyUntilTicks, untilTicks);

    private bool Unchanged(long readAt, Guid id) => id == Guid.Empty || !_changedAt.TryGetValue(id, out var at) || at < readAt;
}
