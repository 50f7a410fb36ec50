using AlexaLinkHub.Infrastructure.Persistence;

namespace AlexaLinkHub.TestSupport;

/// <summary>A fresh, real database of the given provider: a SQLite file, or a new PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly TemporarySqliteFile? _sqlite;
    private readonly TemporaryPostgresDatabase? _postgres;

    private TestDatabase(DatabaseProvider provider, string connectionString, TemporarySqliteFile? sqlite, TemporaryPostgresDatabase? postgres)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqlite = sqlite;
        _postgres = postgres;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>The folder of the SQLite file (null for PostgreSQL); handy as a content root for files the app writes.</summary>
    public string? SqliteDirectory => _sqlite?.Directory;

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var file = new TemporarySqliteFile();
                return new TestDatabase(provider, file.ConnectionString, file, null);
            case DatabaseProvider.PostgreSql:
                var database = await PostgresServer.CreateDatabaseAsync();
                return new TestDatabase(provider, database.ConnectionString, null, database);
            default:
                throw new NotSupportedException($"No test database for {provider} on this machine (SQL Server migrations are checked by scripting them).");
        }
    }

    public IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Database:Provider", Provider.ToString()),
        new("ConnectionStrings:Default", ConnectionString),
    ];

    public async ValueTask DisposeAsync()
    {
        _sqlite?.Dispose();
        if (_postgres is not null)
            await _postgres.DisposeAsync();
    }
}
