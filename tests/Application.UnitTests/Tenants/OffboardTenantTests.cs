using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Application.ApiKeys;
using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Infrastructure.OAuth;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using static AlexaLinkHub.Application.UnitTests.Support.TestActors;

namespace AlexaLinkHub.Application.UnitTests.Tenants;

public sealed class OffboardTenantTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Offboard_DeletesTheTenantAndEverythingItOwnsButNoOtherTenant(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var vendor = await app.SignUpVendorAsync("carfu");
        var carfu = await app.TenantAsync("carfu");
        await SeedAsync(app, carfu);
        var globex = await app.CreateTenantAsync("globex");
        await SeedAsync(app, globex);

        await app.SendAsPlatformAsync<Mediator.Unit>(new OffboardTenant { Slug = "carfu", Confirmation = " carfu " });

        Assert.Equal(["globex"], await app.QueryDbAsync(db => db.Tenants.Select(t => t.Slug).ToListAsync(Ct)));
        var counts = await app.QueryDbAsync(async db => new[]
        {
            await db.Skills.CountAsync(Ct), await db.EndUsers.CountAsync(Ct), await db.AccountLinks.CountAsync(Ct),
            await db.ApiKeys.CountAsync(k => k.TenantId != null, Ct), await db.Set<OAuthApplication>().CountAsync(Ct),
            await db.Set<OAuthAuthorization>().CountAsync(Ct),
        });
        Assert.Equal([1, 1, 1, 1, 1, 1], counts);
        Assert.Equal(0, await app.QueryDbAsync(db => db.AdminUsers.CountAsync(a => a.Id == vendor.Admin.AdminId, Ct)));
        var offboarded = Assert.Single(await app.AuditEventsAsync(AuditActions.TenantOffboarded));
        Assert.Equal(("tenant:carfu", (Guid?)null, PlatformActor), (offboarded.Target, offboarded.TenantId, offboarded.Actor));
        // The tenant's own trail outlives it (retention trims it).
        Assert.NotEmpty(await app.QueryDbAsync(db => db.AuditEvents.Where(e => e.TenantId == carfu.Id).ToListAsync(Ct)));
    }

    [Fact]
    public async Task Offboard_AnAdminOfTwoTenants_KeepsTheirAccountAndTheOtherTenant()
    {
        await using var app = await AppServices.CreateAsync();
        var first = await app.SignUpVendorAsync("first");
        await app.SignUpVendorAsync("second", "two@second.example");
        await app.AsAdmin<InvitationOutcome>(first.Admin, new InviteAdmin { Email = "two@second.example" }, await app.TenantAsync("first"));

        await app.SendAsPlatformAsync<Mediator.Unit>(new OffboardTenant { Slug = "first", Confirmation = "first" });

        var signIn = await app.AsAnonymous<AdminSignInOutcome>(new SignInAdmin { Email = "two@second.example", Password = AdminActors.VendorPassword });
        Assert.True(signIn.Succeeded);
        Assert.Equal([(await app.TenantAsync("second")).Id], signIn.Admin!.TenantIds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Carfu")]
    [InlineData("yes")]
    public async Task Offboard_WithoutTheSlugTyped_IsRefusedAndDeletesNothing(string typed)
    {
        await using var app = await AppServices.CreateAsync();
        await app.CreateTenantAsync("carfu");

        var invalid = await Assert.ThrowsAsync<ValidationException>(() =>
            app.SendAsPlatformAsync<Mediator.Unit>(new OffboardTenant { Slug = "carfu", Confirmation = typed }));

        Assert.Equal(["Type the tenant's slug (carfu) to confirm. Offboarding deletes all its data."], invalid.MessagesFor("Confirmation"));
        Assert.Equal(1, await app.QueryDbAsync(db => db.Tenants.CountAsync(Ct)));
    }

    [Fact]
    public async Task Offboard_ByATenantAdmin_IsForbidden()
    {
        await using var app = await AppServices.CreateAsync();
        var vendor = await app.SignUpVendorAsync("carfu");

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.AsAdmin<Mediator.Unit>(vendor.Admin, new OffboardTenant { Slug = "carfu", Confirmation = "carfu" }));

        Assert.Equal(1, await app.QueryDbAsync(db => db.Tenants.CountAsync(Ct)));
    }

    private static async Task SeedAsync(AppServices app, TenantDto tenant)
    {
        var skill = await app.AsAdminOf<RegisteredSkillDto>(tenant, Requests.Skill($"{tenant.Slug}-skill"));
        var user = await app.AsAdminOf<EndUserDto>(tenant, Requests.User($"jo@{tenant.Slug}.example"));
        await app.AsEndUserOf<LinkResult>(tenant, user.Id, new LinkAccount(skill.Skill.ClientId, ["taxi.order"]));
        await app.AsAdminOf<CreatedApiKeyDto>(tenant, new CreateApiKey { Name = "ci" });
    }
}
