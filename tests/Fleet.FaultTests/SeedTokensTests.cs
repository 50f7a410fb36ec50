using System.Diagnostics;
using System.Net;
using AlexaLinkHub.TestSupport;

namespace AlexaLinkHub.Fleet.FaultTests;

/// <summary><c>build/bench/seed-tokens.sh</c> (the token table of a benchmark or an EXPLAIN) writes tokens the fleet
/// accepts: seeded straight into its PostgreSQL, each is active at introspection on any instance, and revoking one ends
/// that one only.</summary>
public sealed class SeedTokensTests
{
    private const int Count = 2000;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static Fleet Fleet => Fleet.Current;

    [Fact]
    public async Task SeededTokens_AreActiveOnEveryInstance_AndEndWithTheirTemplate()
    {
        using var platform = Fleet.Balancer(platform: true);
        var setup = await platform.ArrangeLinkAsync();
        var cookies = new CookieContainer();
        using var http = Fleet.Balancer(cookies);
        var template = await FleetFlows.LinkForTokenAsync(http, cookies, setup);
        var values = Path.Combine(Fleet["FLEET_DIR"], "seeded-tokens.txt");

        var clock = Stopwatch.StartNew();
        var seed = Process.Start(new ProcessStartInfo(Path.Combine(Path.GetDirectoryName(Fleet.Script)!, "bench", "seed-tokens.sh"),
            ["--postgres", Fleet["CONNECTION_STRING"], "--count", $"{Count}", "--out", values, "--client", setup.Skill.ClientId]) { RedirectStandardError = true })!;
        var errors = await seed.StandardError.ReadToEndAsync(Ct);
        await seed.WaitForExitAsync(Ct);
        Assert.True(seed.ExitCode == 0, errors);
        var seeded = await File.ReadAllLinesAsync(values, Ct);
        Fleet.Figure("seed-tokens", $"{seeded.Length} tokens seeded into the fleet's PostgreSQL in {clock.ElapsedMilliseconds} ms");
        Assert.Equal(Count, seeded.Distinct().Count());
        Assert.DoesNotContain(template, seeded);

        var sample = new[] { seeded[0], seeded[Count / 2], seeded[^1] };
        for (var i = 1; i <= Fleet.Instances; i++)
        {
            using var direct = Fleet.Direct(i, Fleet.PublicUrl.Authority);
            foreach (var token in sample)
                Assert.True(await FleetFlows.IsActiveAsync(direct, setup.Skill, token), $"a seeded token is inactive on instance {i}");
        }
        // The payload a seeded token carries names the template's token entry (the script's documented limit): revoking
        // any of them revokes that entry, so all of them end together — at once on the instance that revoked, within the
        // change feed's bound (1 s, docs/decisions/014) on the other.
        using (var one = Fleet.Direct(1, Fleet.PublicUrl.Authority))
        {
            Assert.Equal(HttpStatusCode.OK, (await FleetFlows.RevokeAsync(one, setup.Skill, sample[1])).StatusCode);
            foreach (var token in sample.Append(template))
                Assert.False(await FleetFlows.IsActiveAsync(one, setup.Skill, token), "active on the revoking instance");
        }
        await Task.Delay(FleetFlows.ChangeFeedBound, Ct);
        for (var i = 2; i <= Fleet.Instances; i++)
        {
            using var other = Fleet.Direct(i, Fleet.PublicUrl.Authority);
            foreach (var token in sample.Append(template))
                Assert.False(await FleetFlows.IsActiveAsync(other, setup.Skill, token), $"active on instance {i} after the bound");
        }
    }
}
