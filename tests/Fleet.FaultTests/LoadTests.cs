using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using AlexaLinkHub.TestSupport;

namespace AlexaLinkHub.Fleet.FaultTests;

/// <summary>Tokens across instances and host names, a code raced on every instance, and an instance killed (SIGKILL)
/// or stopped (SIGTERM) under load: nothing handed out is lost.</summary>
public sealed class LoadTests
{
    // The in-process two-instance test (CodeRaceTests) runs 12 more; on the real fleet ten prove the rule holds there.
    private const int Races = 10;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static Fleet Fleet => Fleet.Current;

    [Fact]
    public async Task TokenLinkedThroughTheBalancer_WorksOnEveryInstanceUnderAnyHostName_AndARevocationIsSeenEverywhere()
    {
        using var platform = Fleet.Balancer(platform: true);
        var setup = await platform.ArrangeLinkAsync();
        var cookies = new CookieContainer();
        using var http = Fleet.Balancer(cookies);
        var token = await FleetFlows.LinkForTokenAsync(http, cookies, setup);
        // Another link made on instance 1's own address: valid behind the balancer too.
        using var own = Fleet.Direct(1, "instance-1.internal:8080");
        var viaInstance = await FleetFlows.LinkForTokenAsync(own, new CookieContainer(), setup, "direct");

        var checks = 0;
        foreach (var candidate in new[] { token, viaInstance })
        {
            for (var i = 1; i <= Fleet.Instances; i++)
            {
                foreach (var host in new[] { Fleet.PublicUrl.Authority, $"instance-{i}.internal", "10.0.0.7:8443" })
                {
                    using var direct = Fleet.Direct(i, host);
                    Assert.True(await FleetFlows.IsActiveAsync(direct, setup.Skill, candidate), $"inactive at instance {i} as {host}");
                    checks++;
                }
            }
        }
        using (var one = Fleet.Direct(1, Fleet.PublicUrl.Authority))
            Assert.Equal(HttpStatusCode.OK, (await FleetFlows.RevokeAsync(one, setup.Skill, token)).StatusCode);
        using (var one = Fleet.Direct(1, Fleet.PublicUrl.Authority))
            Assert.False(await FleetFlows.IsActiveAsync(one, setup.Skill, token), "active on the revoking instance");
        // The other instances learn of it from the change feed, within its bound (docs/decisions/014).
        var clock = Stopwatch.StartNew();
        var seenAfter = TimeSpan.Zero;
        for (var i = 2; i <= Fleet.Instances; i++)
        {
            using var direct = Fleet.Direct(i, Fleet.PublicUrl.Authority);
            while (await FleetFlows.IsActiveAsync(direct, setup.Skill, token))
            {
                Assert.True(clock.Elapsed < FleetFlows.ChangeFeedBound, $"still active on instance {i} {clock.ElapsedMilliseconds} ms after the revocation");
                await Task.Delay(20, Ct);
            }
            seenAfter = clock.Elapsed;
        }
        Fleet.Figure("tokens across instances", $"2 tokens (linked via the balancer and via instance 1's own address) active in {checks} checks on {Fleet.Instances} instances × 3 host names; revoked on instance 1: inactive there on the next request, on the other instance after {seenAfter.TotalMilliseconds:F0} ms (bound {FleetFlows.ChangeFeedBound.TotalMilliseconds:F0} ms)");
    }

    [Fact]
    public async Task SameCodeRedeemedSixTimesAtOnce_TenRaces_OneWinnerEach_AndEveryLinkEnded()
    {
        using var platform = Fleet.Balancer(platform: true);
        var skill = new SkillSpec { GrantType = "authorization_code", RedirectUrls = ["https://pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA"] };
        var winners = 0;
        var ended = 0;
        for (var race = 0; race < Races; race++)
        {
            var setup = await platform.ArrangeLinkAsync(skill);
            var cookies = new CookieContainer();
            using var http = Fleet.Balancer(cookies);
            using var browser = new LinkFlowClient(http, cookies);
            var linked = await browser.LinkAsync(setup.AuthorizeUrl(responseType: "code"), setup.User.Email, setup.User.Password);
            var code = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(linked.Headers.Location!.Query)["code"].ToString();
            using var start = new ManualResetEventSlim();
            var redemptions = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
            {
                using var client = Fleet.Direct(i % Fleet.Instances + 1, Fleet.PublicUrl.Authority);
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/t/{setup.Slug}/connect/token")
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = setup.Skill.RedirectUri }),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{setup.Skill.ClientId}:{Uri.EscapeDataString(setup.Skill.ClientSecret)}")));
                start.Wait(Ct);
                var response = await client.SendAsync(request, Ct);
                return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(Ct));
            })).ToList();
            start.Set();
            var answers = await Task.WhenAll(redemptions);
            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
            Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.BadRequest && a.Body.Contains("invalid_grant", StringComparison.Ordinal)));
            winners++;
            var access = System.Text.Json.JsonDocument.Parse(answers.Single(a => a.StatusCode == HttpStatusCode.OK).Body).RootElement.GetProperty("access_token").GetString()!;
            if (!await FleetFlows.IsActiveAsync(platform, setup.Skill, access))
                ended++;
        }
        Fleet.Figure("code race", $"{Races} races × 6 simultaneous redemptions over {Fleet.Instances} instances: {winners} single winners, {ended}/{Races} links ended with the winner's tokens (rule: a code presented twice ends the link)");
        Assert.Equal(Races, ended);
    }

    [Theory]
    [InlineData("kill")]
    [InlineData("term")]
    public async Task AnInstanceStoppedUnderLoad_LosesNothing(string how)
    {
        using var platform = Fleet.Balancer(platform: true);
        var setup = await platform.ArrangeLinkAsync();
        var issued = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<string, int>();
        var seedCookies = new CookieContainer();
        using (var seed = Fleet.Balancer(seedCookies))
            issued.Add(await FleetFlows.LinkForTokenAsync(seed, seedCookies, setup));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));

        async Task Worker(int id)
        {
            while (!stop.IsCancellationRequested)
            {
                var cookies = new CookieContainer();
                using var http = Fleet.Balancer(cookies);
                try
                {
                    if (id == 0)
                    {
                        // A new user each time: the sixth live link of one user and skill would retire the first.
                        var user = await platform.CreateLinkUserAsync(setup.Slug, $"load-{Guid.NewGuid():N}@example.com");
                        issued.Add(await FleetFlows.LinkForTokenAsync(http, cookies, setup with { User = user }, "load"));
                    }
                    else
                    {
                        var response = await FleetFlows.IntrospectAsync(http, setup.Skill, issued.First());
                        statuses.AddOrUpdate(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
                        continue;
                    }
                    statuses.AddOrUpdate("link", 1, (_, n) => n + 1);
                }
                catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException && !stop.IsCancellationRequested)
                {
                    statuses.AddOrUpdate("failed", 1, (_, n) => n + 1);
                }
            }
        }

        var load = Enumerable.Range(0, 4).Select(i => Task.Run(() => Worker(i))).ToList();
        await Task.Delay(1500, Ct);
        var clock = Stopwatch.StartNew();
        await Fleet.RunAsync(how, Fleet.Instances.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var stopped = clock.Elapsed;
        await Task.WhenAll(load);
        await Fleet.RunAsync("start", Fleet.Instances.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var inactive = 0;
        foreach (var token in issued)
        {
            if (!await FleetFlows.IsActiveAsync(platform, setup.Skill, token))
                inactive++;
        }
        Fleet.Figure($"{how} under load", $"{string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}; instance stopped in {stopped.TotalMilliseconds:F0} ms; {issued.Count} tokens handed out, {inactive} inactive afterwards; instance restarted and ready");
        Assert.Equal(0, inactive);
        Assert.DoesNotContain("500", statuses.Keys);
        Assert.All(statuses.Keys.Where(k => k is not ("200" or "link" or "failed")), k => Assert.Fail($"answered {k}"));
        if (how == "term")
            Assert.DoesNotContain("failed", statuses.Keys);
    }
}

/// <summary>Every instance is observable: its Prometheus endpoint (on its own port) shows the business counters move on
/// a link, and its log lines are JSON, those of a request with its trace id, and hold no token or secret.</summary>
public sealed class ObservabilityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static Fleet Fleet => Fleet.Current;

    [Fact]
    public async Task ALinkMovesTheCounters_OnTheInstancesMetricsEndpoints_AndNoTokenIsLogged()
    {
        using var platform = Fleet.Balancer(platform: true);
        var setup = await platform.ArrangeLinkAsync();
        var before = await SumAsync("alh_links_total", setup.Slug);
        var cookies = new CookieContainer();
        using var http = Fleet.Balancer(cookies);
        var token = await FleetFlows.LinkForTokenAsync(http, cookies, setup);
        // Three introspections: one through the balancer, two at instance 1, so at least one is answered from instance
        // 1's memory (the fast path) and must be counted like the server's own answers.
        Assert.True(await FleetFlows.IsActiveAsync(http, setup.Skill, token));
        using (var one = Fleet.Direct(1, Fleet.PublicUrl.Authority))
        {
            Assert.True(await FleetFlows.IsActiveAsync(one, setup.Skill, token));
            Assert.True(await FleetFlows.IsActiveAsync(one, setup.Skill, token));
        }

        // The exporter caches a scrape for a moment (300 ms by default): read until the counts settle, then compare.
        double links = 0, issued = 0, introspections = 0;
        var waited = Stopwatch.StartNew();
        do
        {
            await Task.Delay(350, Ct);
            links = await SumAsync("alh_links_total", setup.Slug) - before;
            issued = await SumAsync("alh_tokens_issued_total", setup.Slug);
            introspections = await SumAsync("alh_introspections_total", setup.Slug);
        }
        while ((links, issued, introspections) != (1, 1, 3) && waited.Elapsed < TimeSpan.FromSeconds(5));
        Fleet.Figure("metrics", $"one link and three introspections through the balancer and instance 1: alh_links_total +{links}, alh_tokens_issued_total {issued}, alh_introspections_total {introspections} (summed over {Fleet.Instances} instances' /metrics)");
        Assert.Equal(1, links);
        Assert.Equal(1, issued);
        Assert.Equal(3, introspections);

        await Task.Delay(500, Ct);
        var traceIds = new List<string>();
        foreach (var file in Directory.GetFiles(Fleet.LogDirectory, "instance-*.log"))
        {
            var text = await File.ReadAllTextAsync(file, Ct);
            Assert.DoesNotContain(token, text, StringComparison.Ordinal);
            Assert.DoesNotContain(setup.Skill.ClientSecret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(setup.User.Password, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Fleet.PlatformKey, text, StringComparison.Ordinal);
            foreach (var line in text.Split('\n').Where(l => l.StartsWith('{')))
            {
                using var entry = System.Text.Json.JsonDocument.Parse(line);
                if (entry.RootElement.GetProperty("Message").GetString() is { } message && message.Contains($"/t/{setup.Slug}/connect/", StringComparison.Ordinal))
                    traceIds.Add(TraceIdOf(entry.RootElement) ?? throw new Xunit.Sdk.XunitException($"No trace id on: {line}"));
            }
        }
        // The access-log lines of this link's OAuth requests (authorize, introspect), each with its request's trace id.
        Fleet.Figure("logs", $"{traceIds.Count} access-log lines of the link's OAuth requests, each with a trace id ({traceIds.Distinct().Count()} distinct); no token, secret, password or key in any instance's log");
        Assert.True(traceIds.Count >= 3, $"{traceIds.Count} access-log lines");
        Assert.All(traceIds, id => Assert.Matches("^[0-9a-f]{32}$", id));
        Assert.Equal(traceIds.Count, traceIds.Distinct().Count());
    }

    private static string? TraceIdOf(System.Text.Json.JsonElement entry) =>
        entry.TryGetProperty("Scopes", out var scopes)
            ? scopes.EnumerateArray().Select(s => s.TryGetProperty("TraceId", out var id) ? id.GetString() : null).FirstOrDefault(id => id is not null)
            : null;

    private static async Task<double> SumAsync(string metric, string tenant)
    {
        double sum = 0;
        for (var i = 1; i <= Fleet.Instances; i++)
        {
            using var scrape = new HttpClient();
            var text = await scrape.GetStringAsync(Fleet.MetricsUrl(i), Ct);
            foreach (var line in text.Split('\n').Where(l => l.StartsWith(metric + "{", StringComparison.Ordinal) && l.Contains($"tenant=\"{tenant}\"", StringComparison.Ordinal)))
                sum += double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        return sum;
    }
}
