using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AlexaLinkHub.Infrastructure.Persistence.Interceptors;

/// <summary>Sets up every SQLite connection: WAL (readers never block the writer), a busy timeout (a second writer waits
/// instead of failing), NORMAL sync (safe in WAL mode) and foreign keys. Microsoft.Data.Sqlite pools connections and EF
/// opens one for every query, so the pragmas run once per physical connection (keyed by its native handle), not on
/// every open — on the introspection hot path that was four extra statements per query.</summary>
internal sealed class SqlitePragmaInterceptor(int busyTimeoutMilliseconds) : DbConnectionInterceptor
{
    private readonly ConditionalWeakTable<object, object> _prepared = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsPragmas(connection))
            return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!NeedsPragmas(connection))
            return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private string Pragmas =>
        $"PRAGMA journal_mode=WAL; PRAGMA busy_timeout={busyTimeoutMilliseconds}; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";

    private bool NeedsPragmas(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle })
            return true;
        return _prepared.TryAdd(handle, handle);
    }
}
