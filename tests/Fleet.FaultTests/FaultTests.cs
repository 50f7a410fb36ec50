using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using AlexaLinkHub.TestSupport;

namespace AlexaLinkHub.Fleet.FaultTests;

/// <summary>Issue 15's faults, tried as an operator would on <c>build/fleet.sh up</c>: wrong passwords sprayed at both
/// instances, the database stopped, instances started together on an empty database.</summary>
public sealed partial class FaultTests
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
            statuses.Add((int)(await FleetFlows.IntrospectAsync(http, setup.Skill, token)).StatusCode);
            statuses.Add((int)(await platform.GetAsync("/api/v1/tenants", Ct)).StatusCode);
            using var page = new HttpRequestMessage(HttpMethod.Get, setup.AuthorizeUrl());
            page.Headers.AcceptLanguage.ParseAdd("fr-FR");
            var answer = await http.SendAsync(page, Ct);
            statuses.Add((int)answer.StatusCode);
            var html = await answer.Content.ReadAsStringAsync(Ct);
            if (html.Contains("Temporairement indisponible", StringComparison.Ordinal) && html.Contains("Car Fu Rides", StringComparison.Ordinal))
                pagesBranded++;
            if (notReadyAt == TimeSpan.MaxValue && !await Fleet.IsReadyAsync(1))
                notReadyAt = outage.Elapsed;
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
    public async Task ThreeInstancesStartedTogetherOnAnEmptyDatabase_AllComeUp_AndOneBootstrapsThePlatform()
    {
        var database = $"alh_together_{Guid.NewGuid():N}"[..24];
        await Psql($"CREATE DATABASE {database} OWNER alh");
        var connection = Fleet["CONNECTION_STRING"].Replace("Database=alh;", $"Database={database};", StringComparison.Ordinal);
        var apps = Enumerable.Range(0, 3).Select(_ => AppProcessLite.Start(Fleet["APP_DLL"], connection)).ToList();
        try
        {
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(apps.Select(a => a.WaitUntilReadyAsync(TimeSpan.FromSeconds(150))));
            Fleet.Figure("started together", $"3 instances on an empty database: all ready after {clock.Elapsed.TotalSeconds:F1} s; " +
                $"exits {string.Join(",", apps.Select(a => a.HasExited ? "yes" : "no"))}");
            var printed = apps.Select(a => KeyLine().Match(a.Output)).Where(m => m.Success).ToList();
            var key = Assert.Single(printed).Groups["key"].Value;
            foreach (var app in apps)
            {
                using var http = app.Client(key);
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/tenants", Ct)).StatusCode);
            }
        }
        finally
        {
            foreach (var app in apps)
                app.Dispose();
        }
    }

    private static async Task Psql(string sql)
    {
        var start = new ProcessStartInfo(Path.Combine(Fleet["PG_BIN"], "psql"), ["-h", "127.0.0.1", "-p", Fleet["PG_PORT"], "-U", "alh", "-d", "alh", "-qc", sql])
        {
            RedirectStandardError = true,
            Environment = { ["PGPASSWORD"] = "alh" },
        };
        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, errors);
    }

    [GeneratedRegex(@"Platform API key\s*:\s*(?<key>alh_\S+)")]
    private static partial Regex KeyLine();
}
