namespace AlexaLinkHub.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}

/// <summary>Configuration section <c>Database</c>; the connection string is <c>ConnectionStrings:Default</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the app starts (otherwise run <c>dotnet run --project src/Web -- migrate</c>).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>SQLite only: how long a writer waits for another writer before giving up. Well under Alexa's 4.5 s
    /// token deadline, long enough that concurrent writes queue instead of failing with "database is locked".</summary>
    public int SqliteBusyTimeoutMilliseconds { get; set; } = 3000;
}
