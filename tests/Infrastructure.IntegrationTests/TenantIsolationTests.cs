using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Users;
using AlexaLinkHub.Infrastructure.IntegrationTests.Support;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Infrastructure.IntegrationTests;

/// <summary>Tenant isolation where it is enforced: the query filter (reads) and the TenantGuardInterceptor (writes),
/// on a real database of each provider.</summary>
public sealed class TenantIsolationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Query_OtherTenantInScope_SeesNoneOfTheFirstTenantsRows(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var (a, b, userA, userB) = await SeedTwoTenantsAsync(app);

        var seen = await app.QueryAsync(TestScope.Tenant(b.Id), async db => new
        {
            Users = await db.EndUsers.Select(u => u.Id).ToListAsync(Ct),
            Skills = await db.Skills.CountAsync(Ct),
            AuditOfA = await db.AuditEvents.CountAsync(e => e.TenantId == a.Id, Ct),
            AuditTenants = await db.AuditEvents.Select(e => e.TenantId).Distinct().ToListAsync(Ct),
            UserAById = await db.EndUsers.FindAsync([userA.Id], Ct),
        });

        Assert.Equal([userB.Id], seen.Users);
        Assert.Equal(0, seen.Skills);
        Assert.Equal(0, seen.AuditOfA);
        Assert.Equal([(Guid?)b.Id], seen.AuditTenants);
        Assert.Null(seen.UserAById);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Query_NoScopeAtAll_SeesNoTenantOwnedRows(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var (_, _, userA, _) = await SeedTwoTenantsAsync(app);

        var seen = await app.QueryAsync(TestScope.None, async db => new
        {
            Users = await db.EndUsers.CountAsync(Ct),
            Skills = await db.Skills.CountAsync(Ct),
            Audit = await db.AuditEvents.CountAsync(Ct),
            UserAById = await db.EndUsers.FindAsync([userA.Id], Ct),
            Tenants = await db.Tenants.CountAsync(Ct),
        });

        // Fails closed: forgetting to set the scope hides tenant data instead of exposing all of it.
        Assert.Equal(0, seen.Users);
        Assert.Equal(0, seen.Skills);
        Assert.Equal(0, seen.Audit);
        Assert.Null(seen.UserAById);
        Assert.Equal(2, seen.Tenants); // global entities stay visible
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Query_PlatformScope_SeesEveryTenantsRows(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var (a, b, userA, userB) = await SeedTwoTenantsAsync(app);

        var seen = await app.QueryAsync(TestScope.Platform, async db => new
        {
            Users = await db.EndUsers.OrderBy(u => u.NormalizedEmail).Select(u => u.Id).ToListAsync(Ct),
            SkillTenants = await db.Skills.Select(s => s.TenantId).ToListAsync(Ct),
            AuditTenants = await db.AuditEvents.Select(e => e.TenantId).Distinct().ToListAsync(Ct),
        });

        Assert.Equal([userA.Id, userB.Id], seen.Users);
        Assert.Equal([a.Id], seen.SkillTenants);
        Assert.Equal(new HashSet<Guid?> { a.Id, b.Id }, seen.AuditTenants.ToHashSet());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Query_PlatformAuditEvent_IsInvisibleInATenantScope(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var (a, _, _, _) = await SeedTwoTenantsAsync(app);
        var platformEvent = AuditEvent.Record(null, "system", "platform.maintenance", "platform", null, null, app.Clock.GetUtcNow());
        await app.SaveInScopeAsync(TestScope.Platform, db => db.AuditEvents.Add(platformEvent));

        var inTenant = await app.QueryAsync(TestScope.Tenant(a.Id), db => db.AuditEvents.Select(e => e.TenantId).Distinct().ToListAsync(Ct));
        var inPlatform = await app.QueryAsync(TestScope.Platform, db => db.AuditEvents.AnyAsync(e => e.Id == platformEvent.Id && e.TenantId == null, Ct));

        Assert.Equal([(Guid?)a.Id], inTenant);
        Assert.True(inPlatform);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SaveChanges_ModifiedEntityOfAnotherTenant_IsRefused(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var (_, b, userA, _) = await SeedTwoTenantsAsync(app);

        // The realistic mistake: a query that bypasses the filter, then a write.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.SaveInScopeAsync(TestScope.Tenant(b.Id), db =>
            db.EndUsers.IgnoreQueryFilters().Single(u => u.Id == userA.Id).Rename("Hijacked")));

        Assert.Contains("EndUser of another tenant", error.Message, StringComparison.Ordinal);
        Assert.Equal(userA.DisplayName, await app.QueryAsync(TestScope.Platform, db => db.EndUsers.Where(u => u.Id == userA.Id).Select(u => u.DisplayName).SingleAsync(Ct)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SaveChanges_DeletedEntityOfAnotherTenant_IsRefused(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var (_, b, userA, _) = await SeedTwoTenantsAsync(app);

        await Assert.ThrowsAsync<InvalidOperationException>(() => app.SaveInScopeAsync(TestScope.Tenant(b.Id), db =>
            db.EndUsers.Remove(db.EndUsers.IgnoreQueryFilters().Single(u => u.Id == userA.Id))));

        Assert.True(await app.QueryAsync(TestScope.Platform, db => db.EndUsers.AnyAsync(u => u.Id == userA.Id, Ct)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SaveChanges_AddedEntityOfAnotherTenant_IsRefused(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var (a, b, _, _) = await SeedTwoTenantsAsync(app);
        var intruder = NewUser(a.Id, "planted@a.test", app);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            app.SaveInScopeAsync(TestScope.Tenant(b.Id), db => db.EndUsers.Add(intruder)));

        Assert.Contains("another tenant", error.Message, StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(TestScope.Platform, db => db.EndUsers.AnyAsync(u => u.Id == intruder.Id, Ct)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SaveChanges_TenantOwnedEntityWithNoScopeAtAll_IsRefused(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var (a, _, _, _) = await SeedTwoTenantsAsync(app);
        var orphan = NewUser(a.Id, "no-scope@a.test", app);

        await Assert.ThrowsAsync<InvalidOperationException>(() => app.SaveInScopeAsync(TestScope.None, db => db.EndUsers.Add(orphan)));

        Assert.False(await app.QueryAsync(TestScope.Platform, db => db.EndUsers.AnyAsync(u => u.Id == orphan.Id, Ct)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SaveChanges_EntityOfTheTenantInScope_IsSaved(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var (a, _, _, _) = await SeedTwoTenantsAsync(app);
        var own = NewUser(a.Id, "own@a.test", app);

        var written = await app.SaveInScopeAsync(TestScope.Tenant(a.Id), db => db.EndUsers.Add(own));

        Assert.Equal(1, written);
        Assert.Equal(a.Id, await app.QueryAsync(TestScope.Tenant(a.Id), db => db.EndUsers.Where(u => u.Id == own.Id).Select(u => u.TenantId).SingleAsync(Ct)));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static EndUser NewUser(Guid tenantId, string email, AppServices app) =>
        EndUser.Create(tenantId, email, "Someone", "not-a-real-hash", null, app.Clock.GetUtcNow());

    /// <summary>Tenant a with a user and a skill, tenant b with a user; every row written through the use cases.</summary>
    private static async Task<(TenantDto A, TenantDto B, EndUserDto UserA, EndUserDto UserB)> SeedTwoTenantsAsync(AppServices app)
    {
        var a = await app.TenantAsync("vendor-a");
        var b = await app.TenantAsync("vendor-b");
        var userA = await app.EndUserAsync(a, "ann@a.test");
        var userB = await app.EndUserAsync(b, "bob@b.test");
        await app.SkillAsync(a, "skill-of-a");
        return (a, b, userA, userB);
    }
}
