using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace AlexaLinkHub.Infrastructure.Persistence;

internal static class ConnectionStrings
{
    public const string DefaultSqliteFile = "data/alexalinkhub.db";

    /// <summary><c>ConnectionStrings:Default</c>, or for SQLite a file under <c>data/</c> of the content root. A relative
    /// SQLite path is taken relative to the content root too, so the working directory does not matter.</summary>
    public static string Resolve(IConfiguration configuration, DatabaseOptions database, string contentRoot)
    {
        var configured = configuration.GetConnectionString("Default");
        if (database.Provider != DatabaseProvider.Sqlite)
            return string.IsNullOrWhiteSpace(configured)
                ? throw new InvalidOperationException($"ConnectionStrings:Default is required for Database:Provider={database.Provider}.")
                : configured;

        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? $"Data Source={DefaultSqliteFile}" : configured);
        var isMemory = builder.Mode == SqliteOpenMode.Memory || builder.DataSource is ":memory:" || builder.DataSource.Length == 0;
        if (!isMemory)
        {
            if (!Path.IsPathRooted(builder.DataSource))
                builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        // Microsoft.Data.Sqlite retries a busy database until the command timeout; keep it in step with busy_timeout.
        builder.DefaultTimeout = Math.Max(1, (int)Math.Ceiling(database.SqliteBusyTimeoutMilliseconds / 1000.0));
        builder.Pooling = true;
        return builder.ToString();
    }
}
