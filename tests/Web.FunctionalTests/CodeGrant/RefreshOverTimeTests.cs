using System.Net;
using System.Text.Json;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Linking;
using AlexaLinkHub.Web.FunctionalTests.Support;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;
using AlexaLinkHub.Web.FunctionalTests.CodeGrant.Support;

namespace AlexaLinkHub.Web.FunctionalTests.CodeGrant;

/// <summary>Refresh tokens over time, on a clock of each test's own app: a rotated refresh token may be presented again
/// for <c>OAuth:RefreshTokenReuseLeeway</c> (30 s; a retry after a lost response must not unlink the user); after that a
/// replay is refused and ends the grant (OAuth 2.0 Security BCP, refresh token replay). A user whose skill refreshes
/// stays linked for as long as it keeps refreshing.</summary>
public sealed class RefreshOverTimeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Refresh_RotatedTokenAgainWithinTheLeeway_ReturnsAnotherWorkingPair()
    {
        await using var app = await ClockedApp.StartAsync();
        var (factory, http, clock) = (app.Factory, app.Http, app.Clock);
        var setup = await http.ArrangeCodeLinkAsync();
        var original = await factory.LinkForTokensAsync(http, setup);
        // The answer to this refresh is "lost": the skill never sees it.
        var lost = await CodeFlow.TokensAsync(await CodeFlow.RefreshAsync(http, setup.Skill, original.RefreshToken));

        clock.Advance(TimeSpan.FromSeconds(29));
        var retry = await CodeFlow.TokensAsync(await CodeFlow.RefreshAsync(http, setup.Skill, original.RefreshToken));

        Assert.NotEqual(lost.RefreshToken, retry.RefreshToken);
        Assert.NotEqual(lost.AccessToken, retry.AccessToken);
        Assert.Equal(3600, retry.ExpiresIn);
        Assert.True(await LinkAssert.IsActiveAsync(http, setup.Skill, retry.AccessToken));
        // The skill carries on with the retry's refresh token, long after the leeway.
        clock.Advance(TimeSpan.FromMinutes(50));
        var next = await CodeFlow.TokensAsync(await CodeFlow.RefreshAsync(http, setup.Skill, retry.RefreshToken));
        Assert.True(await LinkAssert.IsActiveAsync(http, setup.Skill, next.AccessToken));
        // A retry inside the leeway is no replay: the link stays, nothing is revoked.
        var links = await ApiAssert.JsonAsync(await http.GetAsync($"/api/v1/tenants/{setup.Slug}/users/{setup.User.Id}/links", Ct), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, Assert.Single(links.EnumerateArray()).GetProperty("revokedAt").ValueKind);
        Assert.Empty(await LinkAssert.AuditAsync(http, setup.Slug, "token.revoked"));
    }

    [Fact]
    public async Task Refresh_RotatedTokenAfterTheLeeway_IsInvalidGrantAndRevokesTheWholeGrant()
    {
        await using var app = await ClockedApp.StartAsync();
        var (factory, http, clock) = (app.Factory, app.Http, app.Clock);
        var setup = await http.ArrangeCodeLinkAsync();
        var original = await factory.LinkForTokensAsync(http, setup);
        var rotated = await CodeFlow.TokensAsync(await CodeFlow.RefreshAsync(http, setup.Skill, original.RefreshToken));

        clock.Advance(TimeSpan.FromSeconds(31));
        var replay = await CodeFlow.ErrorAsync(await CodeFlow.RefreshAsync(http, setup.Skill, original.RefreshToken), "invalid_grant");

        Assert.Equal("The specified refresh token has already been redeemed.", replay.ErrorDescription);
        // A replay past the leeway looks like a stolen token: the tokens rotated from it stop working too.
        Assert.False(await LinkAssert.IsActiveAsync(http, setup.Skill, rotated.AccessToken));
        var next = await CodeFlow.ErrorAsync(await CodeFlow.RefreshAsync(http, setup.Skill, rotated.RefreshToken), "invalid_grant");
        Assert.Equal("The specified refresh token is no longer valid.", next.ErrorDescription);
        await CodeFlow.AssertLinkEndedAsync(http, setup, "token_replay");
    }

    [Fact]
    public async Task Refresh_EveryFewWeeksForAYear_KeepsTheUserLinked()
    {
        await using var app = await ClockedApp.StartAsync();
        var (factory, http, clock) = (app.Factory, app.Http, app.Clock);
        // A short refresh lifetime (30 days) shows that each refresh restarts it.
        var setup = await http.ArrangeCodeLinkAsync(CodeFlow.Skill with { RefreshTokenLifetimeSeconds = 30 * 86400 });
        var tokens = await factory.LinkForTokensAsync(http, setup);

        for (var i = 0; i < 15; i++)
        {
            clock.Advance(TimeSpan.FromDays(25));
            // The access token of the last round expired long ago; the refresh token is still good.
            Assert.False(await LinkAssert.IsActiveAsync(http, setup.Skill, tokens.AccessToken));
            tokens = await CodeFlow.TokensAsync(await CodeFlow.RefreshAsync(http, setup.Skill, tokens.RefreshToken, basic: i % 2 == 0));
            Assert.Equal(3600, tokens.ExpiresIn);
            Assert.True(await LinkAssert.IsActiveAsync(http, setup.Skill, tokens.AccessToken));
        }

        var links = await ApiAssert.JsonAsync(await http.GetAsync($"/api/v1/tenants/{setup.Slug}/users/{setup.User.Id}/links", Ct), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, Assert.Single(links.EnumerateArray()).GetProperty("revokedAt").ValueKind);
        Assert.Equal(HttpStatusCode.OK, (await LinkAssert.UserInfoAsync(http, setup.Slug, tokens.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task Refresh_AfterTheRefreshLifetimeWithoutUse_IsInvalidGrant()
    {
        await using var app = await ClockedApp.StartAsync();
        var (factory, http, clock) = (app.Factory, app.Http, app.Clock);
        var setup = await http.ArrangeCodeLinkAsync(CodeFlow.Skill with { RefreshTokenLifetimeSeconds = 86400 });
        var tokens = await factory.LinkForTokensAsync(http, setup);

        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        var error = await CodeFlow.ErrorAsync(await CodeFlow.RefreshAsync(http, setup.Skill, tokens.RefreshToken), "invalid_grant");

        Assert.Equal("The specified refresh token is no longer valid.", error.ErrorDescription);
    }
}
