using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace AlexaLinkHub.Infrastructure.Persistence;

/// <summary>Which failures mean "a dependency is down for now" (answer 503 with Retry-After, never 500) rather than a
/// bug: the database unreachable, restarting, out of connections or too slow, on any provider, however wrapped (EF's
/// update and retry-limit exceptions, OpenIddict's and Hangfire's own wrappers). One classification for the whole app:
/// the error-to-response mapping asks it, so does the read-retrying execution strategy.</summary>
public static class DependencyOutage
{
    private static readonly HashSet<int> s_sqlServerTransient = [-2, 20, 53, 64, 233, 4060, 10053, 10054, 10060, 40197, 40501, 40613, 49918, 49919, 49920];

    /// <summary>True when <paramref name="exception"/> or any exception inside it is an outage.</summary>
    public static bool IsOutage(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (IsTransient(current))
                return true;
            if (current is AggregateException aggregate && aggregate.InnerExceptions.Any(IsOutage))
                return true;
        }
        return false;
    }

    /// <summary>This one exception (not its inner ones) is a transient failure of the database or the network.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        // Npgsql marks connection failures, server shutdowns (57P01–57P03), too many connections (53300), serialization
        // failures and timeouts as transient; a refused or reset connection arrives as a NpgsqlException over SocketException.
        PostgresException postgres => postgres.IsTransient || postgres.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException,
        // SQL Server: timeout (-2), cannot open/reach/lost the server (53, 233, 4060, 10053, 10054, 10060, 64),
        // Azure SQL throttling and failover (40197, 40501, 40613, 49918–49920).
        SqlException sqlServer => sqlServer.Errors.Cast<SqlError>().Any(e => s_sqlServerTransient.Contains(e.Number)),
        // SQLite: another process holds the write lock beyond busy_timeout (5 = SQLITE_BUSY, 6 = SQLITE_LOCKED).
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6,
        DbException { IsTransient: true } => true,
        RetryLimitExceededException => true,
        TimeoutException => true,
        SocketException => true,
        _ => false,
    };
}
