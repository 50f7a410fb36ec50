using AlexaLinkHub.Application.Dashboard;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;

namespace AlexaLinkHub.Application.UnitTests.Dashboard;

public sealed class GetDashboardTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Dashboard_CountsLinksAndFailedAttemptsPerUtcDayOverTheLastThirtyDays(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var acme = await app.CreateTenantAsync("acme");
        var skill = await app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill("taxi"));
        var jo = await app.AsAdminOf<EndUserDto>(acme, Requests.User("jo@example.com"));
        var ann = await app.AsAdminOf<EndUserDto>(acme, Requests.User("ann@example.com"));
        var link = new LinkAccount(skill.Skill.ClientId, ["taxi.order"]);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

        await app.AsEndUserOf<LinkResult>(acme, jo.Id, link);                       // 40 days ago: outside the window
        app.Clock.Advance(TimeSpan.FromDays(37));
        await app.AsEndUserOf<LinkResult>(acme, jo.Id, link);                       // 3 days ago
        await app.AsVisitorOf<Mediator.Unit>(acme, new RecordLinkFailure(LinkFailureReasons.AccessDenied, skill.Skill.ClientId));
        app.Clock.Advance(TimeSpan.FromDays(3));
        await app.AsEndUserOf<LinkResult>(acme, ann.Id, link);                      // today
        await app.AsEndUserOf<LinkResult>(acme, ann.Id, link);
        await app.AsVisitorOf<Mediator.Unit>(acme, new RecordLinkFailure(LinkFailureReasons.InvalidRequest, skill.Skill.ClientId));
        await app.AsVisitorOf<Mediator.Unit>(acme, new RecordLinkFailure(LinkFailureReasons.AccessDenied, skill.Skill.ClientId));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.AsAdminOf<RevocationResult>(acme, new RevokeUserTokens(jo.Id));
        var globex = await app.CreateTenantAsync("globex");
        await app.AsVisitorOf<Mediator.Unit>(globex, new RecordLinkFailure(LinkFailureReasons.AccessDenied, null));

        var dashboard = await app.AsAdminOf<DashboardDto>(acme, new GetDashboard());

        var now = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(30, dashboard.Days.Count);
        Assert.Equal((now.AddDays(-29), now), (dashboard.Days[0].Day, dashboard.Days[^1].Day));
        Assert.Equal(new DailyLinks(now, 2, 2), dashboard.Days[^1]);
        Assert.Equal(new DailyLinks(now.AddDays(-3), 1, 1), dashboard.Days[^4]);
        Assert.Equal((3, 3), (dashboard.LinksInPeriod, dashboard.FailedAttemptsInPeriod));
        Assert.Equal((1, 2), (dashboard.LinkedAccounts, dashboard.LiveLinks));
        Assert.Equal(0, dashboard.ActiveTokens);
        Assert.Equal(today.AddDays(40), now);
        Assert.Equal(GetDashboard.RecentEvents, dashboard.RecentEvents.Count);
        Assert.Equal("token.revoked", dashboard.RecentEvents[0].Action);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Dashboard_GroupsFailuresByReasonAndLinksPerSkillWithinTheChosenRange(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var acme = await app.CreateTenantAsync("acme");
        var taxi = await app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill("taxi"));
        var bus = await app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill("bus"));
        var jo = await app.AsAdminOf<EndUserDto>(acme, Requests.User("jo@example.com"));
        var taxiId = taxi.Skill.ClientId;

        await app.AsVisitorOf<Mediator.Unit>(acme, new RecordLinkFailure(LinkFailureReasons.BadCredentials, taxiId)); // 10 days ago: in 30, not in 7
        app.Clock.Advance(TimeSpan.FromDays(10));
        await app.AsEndUserOf<LinkResult>(acme, jo.Id, new LinkAccount(taxiId, ["taxi.order"]));
        await app.AsEndUserOf<LinkResult>(acme, jo.Id, new LinkAccount(bus.Skill.ClientId, ["taxi.order"]));
        await app.AsEndUserOf<LinkResult>(acme, jo.Id, new LinkAccount(bus.Skill.ClientId, ["taxi.order"]));
        await app.AsVisitorOf<Mediator.Unit>(acme, new RecordLinkFailure(LinkFailureReasons.BadCredentials, taxiId));
        await app.AsVisitorOf<Mediator.Unit>(acme, new RecordLinkFailure(LinkFailureReasons.AccessDenied, taxiId));
        await app.AsVisitorOf<Mediator.Unit>(acme, new RecordLinkFailure(LinkFailureReasons.ExternalAccessDenied, bus.Skill.ClientId));
        await app.AsVisitorOf<Mediator.Unit>(acme, new RecordLinkFailure(LinkFailureReasons.LockedOut, "x; reason=invalid_request"));
        await app.AsVisitorOf<Mediator.Unit>(acme, new RecordLinkFailure(LinkFailureReasons.LegacyUnavailable, null));

        var week = await app.AsAdminOf<DashboardDto>(acme, new GetDashboard { Days = 7 });
        var month = await app.AsAdminOf<DashboardDto>(acme, new GetDashboard { Days = 30 });
        var invalid = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => app.AsAdminOf<DashboardDto>(acme, new GetDashboard { Days = 14 }));

        Assert.Equal((7, 7), (week.RangeDays, week.Days.Count));
        Assert.Equal(
            [new("wrong_credentials", 1), new("consent_cancelled", 2), new("invalid_request", 0), new("locked_out", 1), new("other", 1)],
            week.FailuresByReason);
        Assert.Equal(2, month.FailuresByReason[0].Count);
        Assert.Equal(
            [new SkillLinks(bus.Skill.ClientId, bus.Skill.Name, 2, 2, 1), new SkillLinks(taxiId, taxi.Skill.Name, 1, 1, 2)],
            week.Skills);
        Assert.Equal(3, month.Skills.Single(s => s.ClientId == taxiId).FailedAttempts);
        Assert.Equal(new WebhookFailures(0, 0), week.WebhookFailuresLast24Hours);
        Assert.Equal(["Choose 7, 30 or 90 days."], invalid.MessagesFor("Days"));
    }
}
