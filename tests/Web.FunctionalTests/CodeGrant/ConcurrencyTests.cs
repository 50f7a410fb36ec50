using System.Net;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;
using AlexaLinkHub.Web.FunctionalTests.CodeGrant.Support;

namespace AlexaLinkHub.Web.FunctionalTests.CodeGrant;

/// <summary>A code is redeemed by one conditional update, so many simultaneous redemptions of one code (a retrying
/// client, or an attacker racing the skill) yield exactly one set of tokens — on every database provider.</summary>
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

        // A loser that arrived after the winner's redemption is a replay and ends the grant; one that raced it loses on
        // the conditional update and ends nothing. Either way the link tells the truth about its tokens, once.
        if (await Linking.Support.LinkAssert.IsActiveAsync(app.Http, setup.Skill, winner.AccessToken))
            Assert.Empty(await Linking.Support.LinkAssert.AuditAsync(app.Http, setup.Slug, "token.revoked"));
        else
        {
            await CodeFlow.AssertLinkEndedAsync(app.Http, setup, "token_replay");
            // Even a refresh token the winner wrote after the replay's revocation is dead: its grant is revoked.
            await CodeFlow.ErrorAsync(await CodeFlow.RefreshAsync(app.Http, setup.Skill, winner.RefreshToken), "invalid_grant");
        }
    }
}
