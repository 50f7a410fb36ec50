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
}
