using System.Net;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;
using AlexaLinkHub.Web.FunctionalTests.CodeGrant.Support;

namespace AlexaLinkHub.Web.FunctionalTests.CodeGrant;

/// <summary>A code is redeemed by one conditional update, so many simultaneous redemptions of one code (a retrying
/// client, or an attacker racing the skill) yield exactly one set of tokens — on every database provider — and, by the
/// one rule for codes (<c>EndLinkOnTokenReplay</c>), end the link whoever loses how.</summary>
public sealed class ConcurrencyTests
{
    private const int Requests = 16;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Redeem_TheSameCodeFromManyParallelRequests_ExactlyOneSucceeds(DatabaseProvider provider)
    {
        await using var app = await ClockedApp.StartAsync(provider);
        var setup = await app.Http.ArrangeCodeLinkAsync();
        var code = await app.Factory.LinkForCodeAsync(setup);
        using var start = new ManualResetEventSlim();

        var redemptions = Enumerable.Range(0, Requests).Select(i => Task.Run(async () =>
        {
            start.Wait(TestContext.Current.CancellationToken);
            using var http = app.Factory.CreateClient();
            return await CodeFlow.RedeemAsync(http, setup, code, basic: i % 2 == 0);
        })).ToList();
        start.Set();
        var responses = await Task.WhenAll(redemptions);

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Single(statuses, s => s == HttpStatusCode.OK);
        Assert.Equal(Requests - 1, statuses.Count(s => s == HttpStatusCode.BadRequest));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            Assert.Equal("invalid_grant", (await CodeFlow.ErrorAsync(refused, "invalid_grant")).Error);
        var winner = await CodeFlow.TokensAsync(responses.Single(r => r.StatusCode == HttpStatusCode.OK));

        // Every loser is a second presentation of the code, whether it came after the winner's redemption or raced it:
        // the link ends, once, and even the refresh token the winner wrote after the revocation is dead.
        Assert.False(await Linking.Support.LinkAssert.IsActiveAsync(app.Http, setup.Skill, winner.AccessToken));
        await CodeFlow.AssertLinkEndedAsync(app.Http, setup, "token_replay");
        await CodeFlow.ErrorAsync(await CodeFlow.RefreshAsync(app.Http, setup.Skill, winner.RefreshToken), "invalid_grant");
    }
}
