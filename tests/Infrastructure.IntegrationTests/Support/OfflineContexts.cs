using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Infrastructure.IntegrationTests.Support;

/// <summary>Each provider's context built for its model and migrations only: the connection strings are never opened,
/// so SQL Server needs no server.</summary>
public static class OfflineContexts
{
    public static AppDbContext Create(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteAppDbContext(
            new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=never-opened.db").Options, new TenantContext()),
        DatabaseProvider.PostgreSql => new PostgreSqlAppDbContext(
            new DbContextOptionsBuilder<PostgreSqlAppDbContext>().UseNpgsql("Host=never-opened.invalid;Database=never_opened").Options, new TenantContext()),
        DatabaseProvider.SqlServer => new SqlServerAppDbContext(
            new DbContextOptionsBuilder<SqlServerAppDbContext>().UseSqlServer("Server=never-opened.invalid;Database=never_opened;TrustServerCertificate=True").Options, new TenantContext()),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };
}
