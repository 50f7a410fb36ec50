namespace AlexaLinkHub.Infrastructure.Persistence;

/// <summary>Queues command transactions on SQLite inside this process. SQLite has one writer at a time and a command's
/// transaction holds the write lock from BEGIN IMMEDIATE to COMMIT — across its handler, which may hash a password
/// (tens of milliseconds of CPU). With a few dozen concurrent commands the last ones waited longer than busy_timeout
/// and failed with "database is locked"; here they wait their turn instead. busy_timeout still covers other processes
/// and the short auto-commit writes that take no gate.</summary>
internal sealed class SqliteWriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public Task EnterAsync(CancellationToken cancellationToken) => _gate.WaitAsync(cancellationToken);

    public void Exit() => _gate.Release();
}
