using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Users;
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

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Code-point order, as SQLite's binary collation: the users list pages by it and an email prefix is a range of
        // its index (EndUserRepository). A linguistic collation would ignore punctuation and break both.
        modelBuilder.Entity<EndUser>().Property(u => u.NormalizedEmail).UseCollation("C");
    }
}

public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options, ITenantContext tenant) : AppDbContext(options, tenant)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // As on PostgreSQL: code-point order for the users list and the email-prefix range.
        modelBuilder.Entity<EndUser>().Property(u => u.NormalizedEmail).UseCollation("Latin1_General_100_BIN2");
    }
}
