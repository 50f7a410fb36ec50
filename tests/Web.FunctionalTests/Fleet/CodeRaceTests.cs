using System.Net;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Fleet.Support;
using AlexaLinkHub.Web.FunctionalTests.CodeGrant.Support;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Fleet;

/// <summary>Issue 15 (5): a code redeemed on two instances at once follows one rule, race after race: exactly one
/// redemption gets tokens, every other one is <c>invalid_grant</c>, and the link ends (<c>token_replay</c>) — the
/// winner's tokens included — however the losers lost.</summary>
public sealed class CodeRaceTests
{
    private const int Races = 12;
    private const int RedemptionsPerRace = 6;

    [Fact]
    public async Task SameCodeRedeemedOnBothInstancesAtOnce_OneWinner_AndEveryRaceEndsTheLink()
    {
        await using var fleet = await TwoInstances.StartAsync();
        using var platform = fleet.A.CreateApiClient();
        var ended = 0;
        for (var race = 0; race < Races; race++)
        {
            var setup = await platform.ArrangeCodeLinkAsync();
            var code = await fleet[race].LinkForCodeAsync(setup);
            using var start = new ManualResetEventSlim();
            var redemptions = Enumerable.Range(0, RedemptionsPerRace).Select(i => Task.Run(async () =>
            {
                using var http = fleet[i].CreateClient();
                start.Wait(TestContext.Current.CancellationToken);
                return await CodeFlow.RedeemAsync(http, setup, code);
            })).ToList();
            start.Set();
            var responses = await Task.WhenAll(redemptions);

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            Assert.Equal(RedemptionsPerRace - 1, responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
            var winner = await CodeFlow.TokensAsync(responses.Single(r => r.StatusCode == HttpStatusCode.OK));
            using var other = fleet[race + 1].CreateApiClient();
            if (!await LinkAssert.IsActiveAsync(other, setup.Skill, winner.AccessToken))
                ended++;
            await CodeFlow.AssertLinkEndedAsync(other, setup, "token_replay");
        }
        Assert.Equal(Races, ended);
    }
}
