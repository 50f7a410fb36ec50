using System.Diagnostics;
using System.Net;
using AlexaLinkHub.TestSupport;

namespace AlexaLinkHub.Fleet.FaultTests;

/// <summary>Issue 15's faults, tried as an operator would on <c>build/fleet.sh up</c>: wrong passwords sprayed at both
/// instances, the database stopped, instances started together on an empty database (by <c>build/fleet.sh up</c>).</summary>
public sealed class FaultTests
{
    private const string BadCredentials = "The email or password is not correct.";
    private const string LockedOut = "Too many failed attempts.";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static Fleet Fleet => Fleet.Current;

    [Fact]
    public async Task ParallelWrongPasswords_ThroughTheBalancer_LockOutAfterExactlyFive_WithNo5xx()
    {
        using var platform = Fleet.Balancer(platform: true);
        var setup = await platform.ArrangeLinkAsync();
        var cookies = new CookieContainer();
        using var http = Fleet.Balancer(cookies);
        using var browser = new LinkFlowClient(http, cookies);
        var login = await browser.FollowAsync(await browser.GetPageAsync(setup.AuthorizeUrl()));
        using var start = new ManualResetEventSlim();

        // Each guess on a connection of its own: nginx spreads them over the instances.
        var guesses = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            using var own = Fleet.Balancer(cookies);
            using var guesser = new LinkFlowClient(own, cookies);
            start.Wait(Ct);
            return await guesser.SignInAsync(login, setup.User.Email, $"wrong {i}");
        })).ToList();
        start.Set();
        var pages = await Task.WhenAll(guesses);

        var statuses = pages.GroupBy(p => (int)p.StatusCode).ToDictionary(g => g.Key, g => g.Count());
        var bad = pages.Count(p => p.TextOf("error")?.StartsWith(BadCredentials, StringComparison.Ordinal) == true);
        var locked = pages.Count(p => p.TextOf("error")?.StartsWith(LockedOut, StringComparison.Ordinal) == true);
        Fleet.Figure("brute force", $"20 parallel wrong passwords: statuses {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}; {bad} 'wrong password', {locked} 'locked out'");
        Assert.Equal(new Dictionary<int, int> { [200] = 20 }, statuses);
        Assert.Equal(4, bad);
        Assert.Equal(16, locked);
        var right = await browser.SignInAsync(login, setup.User.Email, setup.User.Password);
        Assert.StartsWith(LockedOut, right.TextOf("error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostgresStoppedForFiveSeconds_Only503sAndBrandedPages_AndRecoveryWithoutRestart()
    {
        using var platform = Fleet.Balancer(platform: true);
        var setup = await platform.ArrangeLinkAsync();
        var cookies = new CookieContainer();
        using var http = Fleet.Balancer(cookies);
        var token = await FleetFlows.LinkForTokenAsync(http, cookies, setup);
        for (var i = 1; i <= Fleet.Instances; i++)
        {
            // Every instance has served the tenant's pages (the outage page is branded from what it served lately).
            using var direct = Fleet.Direct(i, Fleet.PublicUrl.Authority);
            await direct.GetAsync($"/t/{setup.Slug}/.well-known/openid-configuration", Ct);
        }

        var statuses = new List<int>();
        var pagesBranded = 0;
        var notReadyAt = TimeSpan.MaxValue;
        await Fleet.RunAsync("pg-stop");
        var outage = Stopwatch.StartNew();
        try
        {
            await DuringTheOutageAsync();
        }
        finally
        {
            await Fleet.RunAsync("pg-start");
        }
        async Task DuringTheOutageAsync()
        {
            while (outage.Elapsed < TimeSpan.FromSeconds(5))
            {
                // Readiness first in each round: the requests below take their own time on a busy machine.
                if (notReadyAt == TimeSpan.MaxValue && !await Fleet.IsReadyAsync(1))
                    notReadyAt = outage.Elapsed;
                statuses.Add((int)(await FleetFlows.IntrospectAsync(http, setup.Skill, token)).StatusCode);
                statuses.Add((int)(await platform.GetAsync("/api/v1/tenants", Ct)).StatusCode);
                using var page = new HttpRequestMessage(HttpMethod.Get, setup.AuthorizeUrl());
                page.Headers.AcceptLanguage.ParseAdd("fr-FR");
                var answer = await http.SendAsync(page, Ct);
                statuses.Add((int)answer.StatusCode);
                var html = await answer.Content.ReadAsStringAsync(Ct);
                if (html.Contains("Temporairement indisponible", StringComparison.Ordinal) && html.Contains("Car Fu Rides", StringComparison.Ordinal))
                    pagesBranded++;
            }
        }
        var restarted = outage.Elapsed;
        var recovered = TimeSpan.Zero;
        while (recovered == TimeSpan.Zero)
        {
            Assert.True(outage.Elapsed - restarted < TimeSpan.FromSeconds(30), "Not recovered 30 s after PostgreSQL came back.");
            if (Enumerable.Range(1, Fleet.Instances).All(i => Fleet.IsReadyAsync(i).GetAwaiter().GetResult())
                && (await FleetFlows.IntrospectAsync(http, setup.Skill, token)).StatusCode == HttpStatusCode.OK)
                recovered = outage.Elapsed - restarted;
            else
                await Task.Delay(100, Ct);
        }

        var histogram = string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{g.Key}×{g.Count()}"));
        Fleet.Figure("postgres outage", $"{statuses.Count} requests in 5 s: {histogram}; {pagesBranded} branded French pages; readiness down after {notReadyAt.TotalMilliseconds:F0} ms; all ready and serving {recovered.TotalMilliseconds:F0} ms after PostgreSQL restarted");
        Assert.All(statuses, s => Assert.Equal(503, s));
        Assert.Equal(statuses.Count / 3, pagesBranded);
        Assert.True(notReadyAt < TimeSpan.FromSeconds(3));
        Assert.True(await FleetFlows.IsActiveAsync(http, setup.Skill, token));
        Assert.False(string.IsNullOrEmpty(await FleetFlows.LinkForTokenAsync(http, cookies, setup, "after")));
    }

    [Fact]
    public async Task InstancesStartedTogetherOnTheEmptyDatabase_AllCameUp_AndTheServerKeysAndBootstrapWereMadeOnce()
    {
        // build/fleet.sh up started every instance at the same moment on a database it had just created.
        var ready = 0;
        for (var i = 1; i <= Fleet.Instances; i++)
            ready += await Fleet.IsReadyAsync(i) ? 1 : 0;
        var keys = await PsqlScalarAsync("""SELECT string_agg("Use" || ':' || "Generation", ',' ORDER BY "Use") FROM "ServerKeys" """);
        var admins = await PsqlScalarAsync("""SELECT count(*) FROM "AdminUsers" """);
        Fleet.Figure("started together", $"{Fleet.Instances} instances on an empty database: {ready} ready after {Fleet["STARTED_TOGETHER_MS"]} ms; server keys {keys}; {admins} bootstrap admin");
        Assert.Equal(Fleet.Instances, ready);
        Assert.Equal("enc:1,sig:1", keys);
        Assert.Equal("1", admins);
    }

    private static async Task<string> PsqlScalarAsync(string sql)
    {
        var start = new ProcessStartInfo(Path.Combine(Fleet["PG_BIN"], "psql"), ["-h", "127.0.0.1", "-p", Fleet["PG_PORT"], "-U", "alh", "-d", "alh", "-Atqc", sql])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["PGPASSWORD"] = "alh" },
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(Ct);
        var errors = await process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, errors);
        return output.Trim();
    }
}
