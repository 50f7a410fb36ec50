using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;
using AlexaLinkHub.Web.FunctionalTests.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Linking;

/// <summary>Two instances on one PostgreSQL database, each with the token answers in its cache: what one instance
/// changes is in force there on the very next request and on the other within the change feed's bound (1 s,
/// docs/decisions/014).</summary>
public sealed class TokenCacheFleetTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Fleet(AlexaLinkHubFactory First, HttpClient FirstHttp, AlexaLinkHubFactory Second, HttpClient SecondHttp) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            FirstHttp.Dispose();
            SecondHttp.Dispose();
            await Second.DisposeAsync();
            await First.DisposeAsync();
        }
    }

    private static async Task<Fleet> StartAsync(TestDatabase database)
    {
        var first = AlexaLinkHubFactory.CreateOn(database);
        var firstHttp = first.CreateApiClient();
        var second = AlexaLinkHubFactory.CreateOn(database);
        return new Fleet(first, firstHttp, second, second.CreateApiClient());
    }

    /// <summary>A linked token, answered twice by each instance (so both have it cached).</summary>
    private static async Task<(LinkSetup Setup, string Token)> CachedEverywhereAsync(Fleet fleet)
    {
        var setup = await fleet.FirstHttp.ArrangeLinkAsync();
        var token = await fleet.First.LinkForTokenAsync(setup);
        foreach (var http in new[] { fleet.FirstHttp, fleet.SecondHttp, fleet.FirstHttp, fleet.SecondHttp })
        {
            Assert.True(await LinkAssert.IsActiveAsync(http, setup.Skill, token));
            Assert.Equal(HttpStatusCode.OK, (await LinkAssert.UserInfoAsync(http, setup.Slug, token)).StatusCode);
        }
        return (setup, token);
    }

    /// <summary>When, after the change returned, the last check that still saw the token working began (zero if none
    /// did). The bound is about requests arriving after it, so a slow check (a busy machine) does not count against it.
    /// Asked every 50 ms, for at most 5 s.</summary>
    private static async Task<TimeSpan> LastStaleCheckAsync(Func<Task<bool>> stopped)
    {
        var watch = Stopwatch.StartNew();
        var lastStale = TimeSpan.Zero;
        while (true)
        {
            var began = watch.Elapsed;
            if (await stopped())
                return lastStale;
            lastStale = began;
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "The second instance still answers from its cache after 5 s.");
            await Task.Delay(50, Ct);
        }
    }

    private static async Task<bool> InactiveAsync(HttpClient http, LinkSetup setup, string token) =>
        !await LinkAssert.IsActiveAsync(http, setup.Skill, token)
        && (await LinkAssert.UserInfoAsync(http, setup.Slug, token)).StatusCode == HttpStatusCode.Unauthorized;

    [Fact]
    public async Task Revocation_Rfc7009AndByAnAdmin_OnOneInstance_InactiveThereAtOnceAndOnTheOtherWithinTheBound()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var fleet = await StartAsync(database);

        var (bySkill, skillToken) = await CachedEverywhereAsync(fleet);
        var revoke = await LinkAssert.PostAsClientAsync(fleet.FirstHttp, $"/t/{bySkill.Slug}/connect/revoke", bySkill.Skill.ClientId, bySkill.Skill.ClientSecret, true, new() { ["token"] = skillToken });
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.False(await LinkAssert.IsActiveAsync(fleet.FirstHttp, bySkill.Skill, skillToken));
        LinkAssert.InvalidToken(await LinkAssert.UserInfoAsync(fleet.FirstHttp, bySkill.Slug, skillToken));
        Assert.True(await LastStaleCheckAsync(() => InactiveAsync(fleet.SecondHttp, bySkill, skillToken)) <= Bound);

        var (byAdmin, adminToken) = await CachedEverywhereAsync(fleet);
        var revoked = await fleet.SecondHttp.PostAsync($"/api/v1/tenants/{byAdmin.Slug}/users/{byAdmin.User.Id}/revoke", null, Ct);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.False(await LinkAssert.IsActiveAsync(fleet.SecondHttp, byAdmin.Skill, adminToken));
        LinkAssert.InvalidToken(await LinkAssert.UserInfoAsync(fleet.SecondHttp, byAdmin.Slug, adminToken));
        Assert.True(await LastStaleCheckAsync(() => InactiveAsync(fleet.FirstHttp, byAdmin, adminToken)) <= Bound);
    }

    [Fact]
    public async Task DisabledUserAndSuspendedTenant_OnOneInstance_StopTheTokenOnTheOtherWithinTheBound()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var fleet = await StartAsync(database);

        var (user, userToken) = await CachedEverywhereAsync(fleet);
        await fleet.First.SetEndUserEnabledAsync(user.User.Id, false);
        Assert.False(await LinkAssert.IsActiveAsync(fleet.FirstHttp, user.Skill, userToken));
        LinkAssert.InvalidToken(await LinkAssert.UserInfoAsync(fleet.FirstHttp, user.Slug, userToken));
        Assert.True(await LastStaleCheckAsync(() => InactiveAsync(fleet.SecondHttp, user, userToken)) <= Bound);

        var (tenant, tenantToken) = await CachedEverywhereAsync(fleet);
        var suspended = await fleet.FirstHttp.PatchAsJsonAsync($"/api/v1/tenants/{tenant.Slug}", new { status = "suspended" }, Ct);
        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await LinkAssert.UserInfoAsync(fleet.FirstHttp, tenant.Slug, tenantToken)).StatusCode);
        Assert.True(await LastStaleCheckAsync(async () =>
            (await LinkAssert.UserInfoAsync(fleet.SecondHttp, tenant.Slug, tenantToken)).StatusCode == HttpStatusCode.NotFound) <= Bound);
    }
}
