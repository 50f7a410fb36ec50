using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AlexaLinkHub.Infrastructure.Persistence;

/// <summary>Instances started together on one database take turns at startup: migrations, the OAuth server keys, the
/// first data-protection key, the platform bootstrap and the job storage's schema are each "check, then create", and two
/// instances doing that at once both create (one then crashes on a unique index, or two platform keys are printed). The
/// lock is a database-wide one of the server — a session-level advisory lock on PostgreSQL, an application lock on SQL
/// Server — held on a connection of its own for as long as the work runs; the others wait (no timeout), then find
/// everything done. SQLite needs none: one process per file is the supported shape, and its write transactions already
/// exclude each other.</summary>
public static class StartupLock
{
    // Any constant that no other application on the same server uses for an advisory lock: "ALH1" in ASCII.
    private const long PostgresKey = 0x414C4831;
    private const string SqlServerResource = "AlexaLinkHub.Startup";

    public static async Task RunExclusiveAsync(this IServiceProvider services, Func<Task> work, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite() || !await TryAcquireAsync(db, cancellationToken))
        {
            await work();
            return;
        }
        try
        {
            await work();
        }
        finally
        {
            // Closing the connection releases a session lock too; the explicit release returns it at once on a pooled one.
            await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql()
                ? $"SELECT pg_advisory_unlock({PostgresKey})"
                : $"EXEC sp_releaseapplock @Resource = '{SqlServerResource}', @LockOwner = 'Session'", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<bool> TryAcquireAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        // Waiting for another instance's migrations may take longer than a command normally may.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // The database does not exist yet: the migrations create it. A fleet's database is created beforehand.
            return false;
        }
        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql()
            ? $"SELECT pg_advisory_lock({PostgresKey})"
            : $"EXEC sp_getapplock @Resource = '{SqlServerResource}', @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = -1",
            cancellationToken);
        return true;
    }
}
