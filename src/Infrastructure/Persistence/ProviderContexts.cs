using AlexaLinkHub.Application.Common.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AlexaLinkHub.Infrastructure.Persistence;

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, ITenantContext tenant) : AppDbContext(options, tenant)
{
    // One process per SQLite file (ADR 006).
    internal override bool SharesDatabase => false;

    internal override bool SupportsBulkInsert => true;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date type: EF stores DateTimeOffset as text it cannot compare or order. All our times are UTC,
        // so a binary (ticks) encoding keeps them sortable and comparable in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgreSqlAppDbContext(DbContextOptions<PostgreSqlAppDbContext> options, ITenantContext tenant) : AppDbContext(options, tenant)
{
    internal override bool SupportsBulkInsert => true;
}

public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options, ITenantContext tenant) : AppDbContext(options, tenant);
