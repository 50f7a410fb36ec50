namespace AlexaLinkHub.Infrastructure.Persistence.BulkInserts;

/// <summary>New rows a context writes with its next SaveChanges through <see cref="BulkInsert"/> instead of the change
/// tracker: first, in the save's transaction, so the save stays one atomic step. They are kept until a save succeeds (a
/// failed save may be retried, like EF's own pending changes) and are never tracked.</summary>
internal sealed class PendingBulkInserts
{
    private readonly List<Func<AppDbContext, CancellationToken, Task>> _writers = [];
    private readonly Dictionary<Type, object> _rows = [];

    public bool IsEmpty => _rows.Count == 0;

    public void Add<T>(T row) where T : class
    {
        if (!_rows.TryGetValue(typeof(T), out var rows))
        {
            var list = new List<T>();
            _rows.Add(typeof(T), list);
            _writers.Add((db, cancellationToken) => BulkInsert.WriteAsync(db, list, cancellationToken));
            rows = list;
        }
        ((List<T>)rows).Add(row);
    }

    /// <summary>Writes every pending row, type by type in the order they were first added.</summary>
    public async Task WriteAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        foreach (var write in _writers)
            await write(db, cancellationToken);
    }

    public void Clear()
    {
        _writers.Clear();
        _rows.Clear();
    }
}
