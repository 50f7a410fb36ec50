using Npgsql;
using Testcontainers.PostgreSql;

namespace AlexaLinkHub.TestSupport;

/// <summary>The PostgreSQL the tests run against: the one <c>build/test.sh</c> started (its connection string in
/// <c>ALH_TEST_POSTGRES</c>), else a Testcontainers container where a Docker engine exists. There is no third option:
/// without either the tests fail loudly instead of quietly testing some other database.</summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "ALH_TEST_POSTGRES";

    private static readonly SemaphoreSlim s_gate = new(1, 1);
    private static string? s_serverConnectionString;
    private static PostgreSqlContainer? s_container;

    public static async Task<string> GetServerConnectionStringAsync()
    {
        if (s_serverConnectionString is not null)
            return s_serverConnectionString;
        await s_gate.WaitAsync();
        try
        {
            if (s_serverConnectionString is not null)
                return s_serverConnectionString;

            var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(configured))
                return s_serverConnectionString = configured;

            try
            {
                s_container = new PostgreSqlBuilder("postgres:16-alpine").Build();
                await s_container.StartAsync();
                return s_serverConnectionString = s_container.GetConnectionString();
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException(
                    $"No PostgreSQL for the tests: {EnvironmentVariable} is not set and Testcontainers could not start one ({ex.GetType().Name}: {ex.Message}). " +
                    "Run build/test.sh, which starts a local PostgreSQL when there is no Docker engine.", ex);
            }
        }
        finally
        {
            s_gate.Release();
        }
    }

    /// <summary>A new, empty database on the server; dispose to drop it.</summary>
    public static async Task<TemporaryPostgresDatabase> CreateDatabaseAsync()
    {
        var server = await GetServerConnectionStringAsync();
        var name = $"alh_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            await command.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true };
        return new TemporaryPostgresDatabase(server, name, builder.ConnectionString);
    }
}

public sealed class TemporaryPostgresDatabase(string serverConnectionString, string name, string connectionString) : IAsyncDisposable
{
    public string Name { get; } = name;
    public string ConnectionString { get; } = connectionString;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)";
        try
        {
            await command.ExecuteNonQueryAsync();
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            // PostgreSQL 15 refuses FORCE while an autovacuum worker (a process with no role) is in the database;
            // a plain DROP asks that worker to exit and waits for it.
            command.CommandText = $"DROP DATABASE IF EXISTS \"{Name}\"";
            await command.ExecuteNonQueryAsync();
        }
    }
}
