using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Infrastructure.IntegrationTests.Support;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Infrastructure.IntegrationTests;

/// <summary>SQLite is the default, embedded database: concurrent writers must queue (WAL + busy timeout), never fail
/// with "database is locked" — Alexa gives a token request 4.5 s.</summary>
public sealed class SqliteConcurrencyTests
{
    [Fact]
    public async Task Connection_OpenedByTheApp_IsInWalModeWithTheConfiguredBusyTimeout()
    {
        await using var app = await AppServices.CreateAsync(DatabaseProvider.Sqlite);

        var pragmas = await app.QueryAsync(TestScope.Platform, async db =>
        {
            await db.Database.OpenConnectionAsync(Ct);
            return (JournalMode: await PragmaAsync(db, "journal_mode"), BusyTimeout: await PragmaAsync(db, "busy_timeout"), ForeignKeys: await PragmaAsync(db, "foreign_keys"));
        });

        Assert.Equal("wal", pragmas.JournalMode);
        Assert.Equal(new DatabaseOptions().SqliteBusyTimeoutMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture), pragmas.BusyTimeout);
        Assert.Equal("1", pragmas.ForeignKeys);
    }

    [Fact]
    public async Task Pragmas_OnPooledReuseAndOnFreshPhysicalConnections_StaySet()
    {
        // The pragmas run once per physical connection: a pooled connection handed out again keeps them, and a new
        // physical connection (after the pool is cleared) gets them anew.
        await using var app = await AppServices.CreateAsync(DatabaseProvider.Sqlite);
        (string? BusyTimeout, string? ForeignKeys) expected = (new DatabaseOptions().SqliteBusyTimeoutMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "1");

        async Task<(string? BusyTimeout, string? ForeignKeys)> ReadAsync() => await app.QueryAsync(TestScope.Platform, async db =>
        {
            await db.Database.OpenConnectionAsync(Ct);
            return (await PragmaAsync(db, "busy_timeout"), await PragmaAsync(db, "foreign_keys"));
        });

        var first = await ReadAsync();
        var reused = await ReadAsync();
        SqliteConnection.ClearAllPools();
        var fresh = await ReadAsync();

        Assert.Equal(expected, first);
        Assert.Equal(expected, reused);
        Assert.Equal(expected, fresh);
    }

    [Fact]
    public async Task DatabaseFile_AfterMigration_StaysInWalModeForAnyConnection()
    {
        await using var app = await AppServices.CreateAsync(DatabaseProvider.Sqlite);

        // WAL is a property of the file: a plain connection that sets no pragma sees it too.
        await using var plain = new SqliteConnection(app.Database.ConnectionString);
        await plain.OpenAsync(Ct);
        await using var command = plain.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", await command.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task CreateEndUser_FortyAtOnce_AllSucceedWithoutDatabaseLocked()
    {
        const int count = 40;
        await using var app = await AppServices.CreateAsync(DatabaseProvider.Sqlite);
        var tenant = await app.TenantAsync("busy-vendor");

        var created = await Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(() => app.EndUserAsync(tenant, $"user{i:00}@busy.test"), Ct)));

        Assert.Equal(count, created.Select(u => u.Id).Distinct().Count());
        var stored = await app.QueryAsync(TestScope.Tenant(tenant.Id), async db => new
        {
            Emails = await db.EndUsers.OrderBy(u => u.Email).Select(u => u.Email).ToListAsync(Ct),
            Audited = await db.AuditEvents.CountAsync(e => e.Action == AuditActions.UserCreated, Ct),
        });
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"user{i:00}@busy.test"), stored.Emails);
        Assert.Equal(count, stored.Audited);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string?> PragmaAsync(AppDbContext db, string pragma)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {pragma}";
        return Convert.ToString(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
