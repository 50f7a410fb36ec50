namespace AlexaLinkHub.SkillBackend;

/// <summary>The introspection answers of one skill, least recently used first out once <c>maxEntries</c> is reached.
/// Keyed by a hash of the token, indexed by user: AlexaLinkHub's webhooks name the user (<c>data.userId</c>), never
/// the token. A revocation must never be undone by an introspection that was already on its way when the webhook
/// arrived: every eviction advances an epoch, and an answer is stored only if its user was not evicted after the
/// request started.</summary>
internal sealed class LinkCache(int maxEntries)
{
    private sealed record Entry(string Key, LinkState State, string? Sub, long ExpiresAt);

    private readonly Lock _lock = new();
    private readonly LinkedList<Entry> _order = new(); // least recently used first
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _byUser = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _evictedAt = new(StringComparer.Ordinal);
    private readonly Queue<string> _evictionOrder = new();
    private long _clearedAt = -1;
    private long _epoch;

    public int Count
    {
        get
        {
            lock (_lock)
                return _entries.Count;
        }
    }

    /// <summary>Read before starting an introspection, passed to <see cref="Set"/> with its answer.</summary>
    public long Epoch => Interlocked.Read(ref _epoch);

    public LinkState? Get(string key, long now)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var node))
                return null;
            if (node.Value.ExpiresAt <= now)
            {
                Remove(node);
                return null;
            }
            _order.Remove(node);
            _order.AddLast(node);
            return node.Value.State;
        }
    }

    /// <summary>Stores an answer until <paramref name="expiresAt"/>; false when its user was evicted since
    /// <paramref name="startedAt"/> (the answer may be stale) or it has already expired.</summary>
    public bool Set(string key, LinkState state, string? sub, long expiresAt, long now, long startedAt)
    {
        lock (_lock)
        {
            if (expiresAt <= now || _clearedAt > startedAt)
                return false;
            if (sub is not null && _evictedAt.TryGetValue(sub, out var evicted) && evicted > startedAt)
                return false;
            if (_entries.TryGetValue(key, out var existing))
                Remove(existing);
            _entries[key] = _order.AddLast(new Entry(key, state, sub, expiresAt));
            if (sub is not null)
            {
                if (!_byUser.TryGetValue(sub, out var keys))
                    _byUser[sub] = keys = new HashSet<string>(StringComparer.Ordinal);
                keys.Add(key);
            }
            while (_entries.Count > maxEntries)
                Remove(_order.First!);
            return true;
        }
    }

    /// <summary>Drops every answer about this user; returns how many.</summary>
    public int EvictUser(string sub)
    {
        lock (_lock)
        {
            var epoch = Interlocked.Increment(ref _epoch);
            if (!_evictedAt.ContainsKey(sub))
                _evictionOrder.Enqueue(sub);
            _evictedAt[sub] = epoch;
            while (_evictedAt.Count > maxEntries && _evictionOrder.TryDequeue(out var oldest))
                _evictedAt.Remove(oldest);
            if (!_byUser.Remove(sub, out var keys))
                return 0;
            foreach (var key in keys)
            {
                if (_entries.Remove(key, out var node))
                    _order.Remove(node);
            }
            return keys.Count;
        }
    }

    public int Clear()
    {
        lock (_lock)
        {
            var count = _entries.Count;
            _clearedAt = Interlocked.Increment(ref _epoch);
            _entries.Clear();
            _order.Clear();
            _byUser.Clear();
            _evictedAt.Clear();
            _evictionOrder.Clear();
            return count;
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _order.Remove(node);
        _entries.Remove(node.Value.Key);
        if (node.Value.Sub is { } sub && _byUser.TryGetValue(sub, out var keys))
        {
            keys.Remove(node.Value.Key);
            if (keys.Count == 0)
                _byUser.Remove(sub);
        }
    }
}
