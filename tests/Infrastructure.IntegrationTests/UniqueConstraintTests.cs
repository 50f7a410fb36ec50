using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Skills;
using AlexaLinkHub.Domain.Users;
using AlexaLinkHub.Infrastructure.IntegrationTests.Support;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlexaLinkHub.Infrastructure.IntegrationTests;

/// <summary>The unique indexes are the last word when two requests race past a handler's existence check; the unit of
/// work reports the violation as a <see cref="ConflictException"/> (409), never as a raw database error (500).</summary>
public sealed class UniqueConstraintTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SaveChanges_SameEmailTwiceInOneTenant_ThrowsConflictAndStoresNeither(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var tenant = await app.TenantAsync("racing");

        // Both requests passed the "email taken?" check before either saved: only the index can decide.
        await Assert.ThrowsAsync<ConflictException>(() => app.InScopeAsync(TestScope.Tenant(tenant.Id), services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            db.EndUsers.Add(NewUser(tenant.Id, "Dana@Example.test", app));
            db.EndUsers.Add(NewUser(tenant.Id, "  dana@example.TEST ", app));
            return SaveAsync(services);
        }));

        Assert.Equal(0, await app.QueryAsync(TestScope.Platform, db => db.EndUsers.CountAsync(Ct)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SaveChanges_EmailAlreadyStoredInTheTenant_ThrowsConflict(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var tenant = await app.TenantAsync("racing");
        var first = await app.EndUserAsync(tenant, "erin@example.test");

        await Assert.ThrowsAsync<ConflictException>(() => app.InScopeAsync(TestScope.Tenant(tenant.Id), services =>
        {
            services.GetRequiredService<AppDbContext>().EndUsers.Add(NewUser(tenant.Id, "ERIN@example.test", app));
            return SaveAsync(services);
        }));

        Assert.Equal([first.Id], await app.QueryAsync(TestScope.Platform, db => db.EndUsers.Select(u => u.Id).ToListAsync(Ct)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SaveChanges_SameEmailInTwoTenants_StoresBoth(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var a = await app.TenantAsync("vendor-a");
        var b = await app.TenantAsync("vendor-b");

        await app.InScopeAsync(TestScope.Platform, services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            db.EndUsers.Add(NewUser(a.Id, "frank@example.test", app));
            db.EndUsers.Add(NewUser(b.Id, "Frank@Example.test", app));
            return SaveAsync(services);
        });

        var stored = await app.QueryAsync(TestScope.Platform, db => db.EndUsers.Select(u => new { u.TenantId, u.NormalizedEmail }).ToListAsync(Ct));
        Assert.Equal(2, stored.Count);
        Assert.All(stored, u => Assert.Equal("FRANK@EXAMPLE.TEST", u.NormalizedEmail));
        Assert.Equal(new HashSet<Guid> { a.Id, b.Id }, stored.Select(u => u.TenantId).ToHashSet());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SaveChanges_SameClientIdInTwoTenants_ThrowsConflictKeepingTheFirst(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var a = await app.TenantAsync("vendor-a");
        var b = await app.TenantAsync("vendor-b");
        var first = await app.SkillAsync(a, "shared-client-id");

        // client_id is global (Alexa sends it with no tenant), so another tenant racing for it must lose too.
        await Assert.ThrowsAsync<ConflictException>(() => app.InScopeAsync(TestScope.Tenant(b.Id), services =>
        {
            services.GetRequiredService<AppDbContext>().Skills.Add(NewSkill(b.Id, "shared-client-id", app));
            return SaveAsync(services);
        }));

        var owners = await app.QueryAsync(TestScope.Platform, db => db.Skills.Where(s => s.ClientId == "shared-client-id").Select(s => new { s.Id, s.TenantId }).ToListAsync(Ct));
        Assert.Equal([new { first.Skill.Id, TenantId = a.Id }], owners);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task BulkInsert_EmailAlreadyStored_ThrowsConflictAndStoresNothingOfTheSave(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var tenant = await app.TenantAsync("racing");
        var first = await app.EndUserAsync(tenant, "gina@example.test");

        // A sign-up took the email between an import chunk's lookup and its save: the save fails whole (tracked rows too).
        await Assert.ThrowsAsync<ConflictException>(() => app.InScopeAsync(TestScope.Tenant(tenant.Id), services =>
        {
            var users = services.GetRequiredService<IEndUserRepository>();
            users.AddInBulk(NewUser(tenant.Id, "hal@example.test", app));
            users.AddInBulk(NewUser(tenant.Id, "GINA@example.test", app));
            users.Add(NewUser(tenant.Id, "ida@example.test", app));
            return SaveAsync(services);
        }));

        Assert.Equal([first.Id], await app.QueryAsync(TestScope.Platform, db => db.EndUsers.Select(u => u.Id).ToListAsync(Ct)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task BulkInsert_OfAnotherTenantsUser_IsRefused(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var a = await app.TenantAsync("vendor-a");
        var b = await app.TenantAsync("vendor-b");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => app.InScopeAsync(TestScope.Tenant(a.Id), services =>
        {
            services.GetRequiredService<IEndUserRepository>().AddInBulk(NewUser(b.Id, "jay@example.test", app));
            return SaveAsync(services);
        }));

        Assert.Contains("another tenant", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(TestScope.Platform, db => db.EndUsers.CountAsync(Ct)));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<bool> SaveAsync(IServiceProvider services)
    {
        await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync(Ct);
        return true;
    }

    private static EndUser NewUser(Guid tenantId, string email, AppServices app) =>
        EndUser.Create(tenantId, email, "Someone", "not-a-real-hash", null, app.Clock.GetUtcNow());

    private static Skill NewSkill(Guid tenantId, string clientId, AppServices app) =>
        Skill.Register(
            tenantId,
            "Racing skill",
            clientId,
            GrantType.Implicit,
            [SkillScope.Create("profile", "read your profile")],
            [],
            ["https://layla.amazon.com/api/skill/link/M2BBBBBBBBBBBB"],
            null,
            "not-a-real-hash",
            app.Clock.GetUtcNow());
}
