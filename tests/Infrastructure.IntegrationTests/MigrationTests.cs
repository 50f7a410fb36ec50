using AlexaLinkHub.Infrastructure.IntegrationTests.Support;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Infrastructure.IntegrationTests;

public sealed class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task MigrateDatabase_FreshDatabase_AppliesEveryMigrationAndLeavesNonePending(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = await AppServices.CreateOnAsync(database, migrate: false);
        var all = await app.QueryAsync(TestScope.Platform, db => Task.FromResult(db.Database.GetMigrations().ToList()));
        Assert.NotEmpty(all);
        Assert.Empty(await app.QueryAsync(TestScope.Platform, db => db.Database.GetAppliedMigrationsAsync(ct)));

        await app.Services.MigrateDatabaseAsync(ct);

        Assert.Equal(all, await app.QueryAsync(TestScope.Platform, db => db.Database.GetAppliedMigrationsAsync(ct)));
        Assert.Empty(await app.QueryAsync(TestScope.Platform, db => db.Database.GetPendingMigrationsAsync(ct)));
        Assert.False(await app.Services.HasPendingMigrationsAsync(ct));
        // The schema is usable, not merely recorded: every table of the model answers a query.
        Assert.Equal(0, await app.QueryAsync(TestScope.Platform, async db =>
            await db.Tenants.CountAsync(ct) + await db.Skills.CountAsync(ct) + await db.EndUsers.CountAsync(ct) +
            await db.AdminUsers.CountAsync(ct) + await db.ApiKeys.CountAsync(ct) + await db.AuditEvents.CountAsync(ct) +
            await db.DataProtectionKeys.CountAsync(ct)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task MigrateDatabase_SecondRun_IsANoOpThatKeepsTheData(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await AppServices.CreateAsync(provider);
        var tenant = await app.TenantAsync("kept-across-runs");
        var appliedBefore = await app.QueryAsync(TestScope.Platform, db => db.Database.GetAppliedMigrationsAsync(ct));

        await app.Services.MigrateDatabaseAsync(ct);

        Assert.Equal(appliedBefore, await app.QueryAsync(TestScope.Platform, db => db.Database.GetAppliedMigrationsAsync(ct)));
        Assert.False(await app.Services.HasPendingMigrationsAsync(ct));
        var stored = await app.QueryAsync(TestScope.Platform, db => db.Tenants.SingleAsync(ct));
        Assert.Equal((tenant.Id, "kept-across-runs"), (stored.Id, stored.Slug));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void ModelSnapshot_OfEachProviderContext_MatchesTheModel(DatabaseProvider provider)
    {
        using var db = OfflineContexts.Create(provider);

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {db.GetType().Name} model has changes no migration captures: run build/add-migration.sh for every provider.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }
}
