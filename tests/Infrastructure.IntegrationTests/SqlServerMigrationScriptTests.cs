using System.Text.RegularExpressions;
using AlexaLinkHub.Infrastructure.IntegrationTests.Support;
using AlexaLinkHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AlexaLinkHub.Infrastructure.IntegrationTests;

/// <summary>No SQL Server runs here, so its migrations are scripted (what <c>Script-Migration</c> does) and the script
/// is checked: a migration set that no longer compiles, generates or covers the model fails here.</summary>
public sealed class SqlServerMigrationScriptTests
{
    public static readonly TheoryData<string> Tables =
        ["Tenants", "Skills", "EndUsers", "AdminUsers", "AdminMemberships", "ApiKeys", "AuditEvents", "DataProtectionKeys"];

    public static readonly TheoryData<string, string> UniqueIndexes = new()
    {
        { "Skills", "[ClientId]" },
        { "EndUsers", "[TenantId], [NormalizedEmail]" },
        { "Tenants", "[Slug]" },
        { "ApiKeys", "[KeyHash]" },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void GenerateScript_FromNothing_CreatesTable(string table)
    {
        var script = Script(idempotent: false);

        Assert.Matches(new Regex($@"CREATE TABLE \[{table}\] \("), script);
    }

    [Theory]
    [MemberData(nameof(UniqueIndexes))]
    public void GenerateScript_FromNothing_CreatesUniqueIndex(string table, string columns)
    {
        var script = Script(idempotent: false);

        Assert.Matches(new Regex($@"CREATE UNIQUE INDEX \[\w+\] ON \[{table}\] \({Regex.Escape(columns)}\)"), script);
    }

    [Fact]
    public async Task GenerateScript_FromNothing_RecordsEveryMigrationAndIsSavedAsArtifact()
    {
        using var db = OfflineContexts.Create(DatabaseProvider.SqlServer);
        var migrations = db.Database.GetMigrations().ToList();

        var script = Script(idempotent: false);
        var path = await RepositoryRoot.WriteArtifactAsync("sqlserver-migrations.sql", script);

        Assert.IsType<SqlServerAppDbContext>(db);
        Assert.NotEmpty(migrations);
        Assert.All(migrations, id => Assert.Contains($"VALUES (N'{id}'", script));
        Assert.Contains("CREATE TABLE [__EFMigrationsHistory]", script);
        Assert.Equal(script, await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GenerateScript_Idempotent_GuardsEveryMigrationAndCreatesEveryTable()
    {
        using var db = OfflineContexts.Create(DatabaseProvider.SqlServer);
        var migrations = db.Database.GetMigrations().ToList();

        var script = Script(idempotent: true);
        await RepositoryRoot.WriteArtifactAsync("sqlserver-migrations.idempotent.sql", script);

        Assert.All(migrations, id =>
            Assert.Contains($"IF NOT EXISTS (\n    SELECT * FROM [__EFMigrationsHistory]\n    WHERE [MigrationId] = N'{id}'\n)", script.ReplaceLineEndings("\n")));
        Assert.All(Tables, table => Assert.Contains($"CREATE TABLE [{table.Data}]", script));
        Assert.All(UniqueIndexes, index => Assert.Matches(new Regex($@"CREATE UNIQUE INDEX \[\w+\] ON \[{index.Data.Item1}\]"), script));
    }

    private static string Script(bool idempotent)
    {
        using var db = OfflineContexts.Create(DatabaseProvider.SqlServer);
        var migrator = db.GetService<IMigrator>();
        return migrator.GenerateScript(options: idempotent ? MigrationsSqlGenerationOptions.Idempotent : MigrationsSqlGenerationOptions.Default);
    }
}
