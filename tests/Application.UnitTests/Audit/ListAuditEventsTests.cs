using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Audit;
using AlexaLinkHub.Application.Bootstrap;
using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using FluentValidation;
using Mediator;

namespace AlexaLinkHub.Application.UnitTests.Audit;

public sealed class ListAuditEventsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task List_ShowsOnlyTheTenantsOwnEvents_NewestFirst()
    {
        await using var app = await AppServices.CreateAsync();
        var (acme, _) = await SeedAsync(app);

        var events = await app.AsAdminOf<Page<AuditEventDto>>(acme, new ListAuditEvents());

        // Not the platform's bootstrap events, not globex's: only acme's, the latest first.
        Assert.Equal(
            [AuditActions.SkillDisabled, AuditActions.UserCreated, AuditActions.SkillRegistered, AuditActions.TenantCreated],
            events.Items.Select(e => e.Action));
        Assert.Equal(4, events.TotalCount);
        Assert.Equal(events.Items.Select(e => e.OccurredAt).OrderDescending(), events.Items.Select(e => e.OccurredAt));
        var created = events.Items[^1];
        Assert.Equal(("tenant:acme", TestActors.PlatformActor, "127.0.0.1"), (created.Target, created.Actor, created.SourceIp));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task List_FromAndTo_AreInclusiveBounds(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var (acme, _) = await SeedAsync(app);

        // Seed times: tenant +0, skill +1 h, user +2 h, disable +3 h.
        var window = await app.AsAdminOf<Page<AuditEventDto>>(acme, new ListAuditEvents { From = Start.AddHours(1), To = Start.AddHours(2) });
        var since = await app.AsAdminOf<Page<AuditEventDto>>(acme, new ListAuditEvents { From = Start.AddHours(2).AddSeconds(1) });
        var until = await app.AsAdminOf<Page<AuditEventDto>>(acme, new ListAuditEvents { To = Start.AddMinutes(59) });
        // The same instant written with another offset selects the same events.
        var offset = await app.AsAdminOf<Page<AuditEventDto>>(acme, new ListAuditEvents { From = Start.AddHours(1).ToOffset(TimeSpan.FromHours(2)), To = Start.AddHours(2).ToOffset(TimeSpan.FromHours(-5)) });

        Assert.Equal([AuditActions.UserCreated, AuditActions.SkillRegistered], window.Items.Select(e => e.Action));
        Assert.Equal([AuditActions.SkillDisabled], since.Items.Select(e => e.Action));
        Assert.Equal([AuditActions.TenantCreated], until.Items.Select(e => e.Action));
        Assert.Equal(window.Items.Select(e => e.Id), offset.Items.Select(e => e.Id));
    }

    [Fact]
    public async Task List_ByActionActorAndTarget_Filters()
    {
        await using var app = await AppServices.CreateAsync();
        var (acme, _) = await SeedAsync(app);

        var byAction = await app.AsAdminOf<Page<AuditEventDto>>(acme, new ListAuditEvents { Action = AuditActions.UserCreated });
        var byActor = await app.AsAdminOf<Page<AuditEventDto>>(acme, new ListAuditEvents { Actor = "tenant-test-acme" });
        var byTarget = await app.AsAdminOf<Page<AuditEventDto>>(acme, new ListAuditEvents { Target = "skill:taxi" });
        var combined = await app.AsAdminOf<Page<AuditEventDto>>(acme, new ListAuditEvents { Target = "skill:", Action = AuditActions.SkillDisabled });

        Assert.Equal([AuditActions.UserCreated], byAction.Items.Select(e => e.Action));
        Assert.Equal([AuditActions.SkillDisabled, AuditActions.UserCreated, AuditActions.SkillRegistered], byActor.Items.Select(e => e.Action));
        Assert.Equal([AuditActions.SkillDisabled, AuditActions.SkillRegistered], byTarget.Items.Select(e => e.Action));
        Assert.Equal([AuditActions.SkillDisabled], combined.Items.Select(e => e.Action));
    }

    [Fact]
    public async Task List_Paging_SplitsNewestFirst()
    {
        await using var app = await AppServices.CreateAsync();
        var (acme, _) = await SeedAsync(app);

        var first = await app.AsAdminOf<Page<AuditEventDto>>(acme, new ListAuditEvents { PageSize = 3 });
        var second = await app.AsAdminOf<Page<AuditEventDto>>(acme, new ListAuditEvents { Page = 2, PageSize = 3 });

        Assert.Equal((1, 3, 4, 2), (first.PageNumber, first.PageSize, first.TotalCount, first.TotalPages));
        Assert.Equal([AuditActions.SkillDisabled, AuditActions.UserCreated, AuditActions.SkillRegistered], first.Items.Select(e => e.Action));
        Assert.Equal([AuditActions.TenantCreated], second.Items.Select(e => e.Action));
    }

    [Fact]
    public async Task List_ToBeforeFrom_IsRefused()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");

        var invalid = await Assert.ThrowsAsync<ValidationException>(() =>
            app.AsAdminOf<Page<AuditEventDto>>(acme, new ListAuditEvents { From = Start, To = Start.AddSeconds(-1) }));

        Assert.Equal("'to' must not be before 'from'.", Assert.Single(invalid.MessagesFor("to")));
    }

    [Fact]
    public async Task List_ForAnotherTenant_IsNotFound()
    {
        await using var app = await AppServices.CreateAsync();
        var (acme, globex) = await SeedAsync(app);

        await Assert.ThrowsAsync<NotFoundException>(() =>
            app.SendAsync<Page<AuditEventDto>>(new ListAuditEvents(), (actor, scope) =>
            {
                actor.Set(Actor.ApiKey("tenant-test-acme", acme.Id, null));
                scope.EnterTenant(globex.Id, globex.Slug);
            }));
    }

    /// <summary>Platform events at +0; acme created at +0, its skill at +1 h, a user at +2 h, the skill disabled at
    /// +3 h (all by acme's admin except the creation); globex and its user at +4 h.</summary>
    private static async Task<(TenantDto Acme, TenantDto Globex)> SeedAsync(AppServices app)
    {
        Assert.Equal(Start, app.Clock.GetUtcNow());
        await app.SendAsPlatformAsync<BootstrapResult>(new BootstrapPlatform("alh_platform-key-for-tests", "root@example.com", "a long password"));
        var acme = await app.CreateTenantAsync("acme");
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill(clientId: "taxi"));
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.AsAdminOf<EndUserDto>(acme, Requests.User("jo@example.com"));
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.AsAdminOf<Unit>(acme, new DisableSkill("taxi"));
        app.Clock.Advance(TimeSpan.FromHours(1));
        var globex = await app.CreateTenantAsync("globex");
        await app.AsAdminOf<EndUserDto>(globex, Requests.User("sam@example.com"));
        return (acme, globex);
    }
}
