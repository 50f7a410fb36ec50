using System.Globalization;
using System.Net;
using System.Text;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;
using AlexaLinkHub.Web.FunctionalTests.Support;
using AlexaLinkHub.Web.FunctionalTests.Webhooks.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlexaLinkHub.Web.FunctionalTests.Linking;

/// <summary>What checking an access token costs the database (docs/decisions/014), counted by an EF Core interceptor in
/// the real pipeline: a token not seen before costs one indexed query, a token seen before none. The commands are
/// written to <c>artifacts/measurements/token-path.txt</c>.</summary>
public sealed class TokenPathCostTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Introspection_AndUserInfo_ColdCostOneQuery_WarmNone()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        var warmUp = await api.Factory.LinkForTokenAsync(setup, "warm-up");
        var token = await api.Factory.LinkForTokenAsync(setup, "measured");
        var counter = new DatabaseCounter();
        // A second host on the same database: its caches are empty, so the token is new to it.
        await using var app = api.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<SqliteAppDbContext>(options => options.AddInterceptors(counter))));
        using var http = app.CreateClient();
        // The tenant and the skill are read once per instance, not per token: not what is measured here.
        Assert.True(await LinkAssert.IsActiveAsync(http, setup.Skill, warmUp));
        Assert.Equal(HttpStatusCode.OK, (await LinkAssert.UserInfoAsync(http, setup.Slug, warmUp)).StatusCode);

        Task<HttpResponseMessage> Introspect() =>
            LinkAssert.PostAsClientAsync(http, $"/t/{setup.Slug}/connect/introspect", setup.Skill.ClientId, setup.Skill.ClientSecret, true, new() { ["token"] = token });
        Task<HttpResponseMessage> UserInfo() => LinkAssert.UserInfoAsync(http, setup.Slug, token);
        var steps = new List<DatabaseCounter.Step>();
        foreach (var (name, request) in new (string, Func<Task<HttpResponseMessage>>)[] { ("introspection, cold", Introspect), ("introspection, warm", Introspect), ("userinfo, cold", UserInfo), ("userinfo, warm", UserInfo) })
        {
            var (response, step) = await counter.MeasureAsync(name, request, r => r.StatusCode);
            steps.Add(step);
            Assert.Contains(name.StartsWith("introspection", StringComparison.Ordinal) ? "\"active\": true" : "\"sub\"",
                await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        var table = new StringBuilder("request | status | db commands\n");
        foreach (var step in steps)
            table.Append(CultureInfo.InvariantCulture, $"{step.Name} | {(int)step.Status} | {step.Commands}\n");
        foreach (var step in steps)
            table.Append(CultureInfo.InvariantCulture, $"\n-- {step.Name}\n").AppendJoin('\n', step.CommandTexts.Select(c => "   " + c.ReplaceLineEndings(" "))).Append('\n');
        TestContext.Current.TestOutputHelper?.WriteLine(table.ToString());
        var measurements = Directory.CreateDirectory(Path.Combine(AppProcess.RepositoryRoot, "artifacts", "measurements"));
        await File.WriteAllTextAsync(Path.Combine(measurements.FullName, "token-path.txt"), table.ToString(), TestContext.Current.CancellationToken);
        Assert.All(steps, s => Assert.Equal(HttpStatusCode.OK, s.Status));
        Assert.Equal([1, 0, 1, 0], steps.Select(s => s.Commands));
    }

    /// <summary>The same on PostgreSQL, where the change feed's poller runs beside the requests (its own reads of the
    /// feed are not the request's, so they are left out of the count). Before the fix in <c>ChangeClock</c>, a reading
    /// taken after the poller's first flush counted as stale, so on a shared database no cache answered at all — every
    /// check cost its queries (measured: 121 introspections/s on one core instead of ~14,000).</summary>
    [Fact]
    public async Task OnPostgreSql_ATokenAnsweredBefore_CostsNoQueryEither()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var first = AlexaLinkHubFactory.CreateOn(database);
        using var firstHttp = first.CreateApiClient();
        var setup = await firstHttp.ArrangeLinkAsync();
        var warmUp = await first.LinkForTokenAsync(setup, "warm-up");
        var token = await first.LinkForTokenAsync(setup, "measured");
        var counter = new DatabaseCounter();
        await using var app = first.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<PostgreSqlAppDbContext>(options => options.AddInterceptors(counter))));
        using var http = app.CreateClient();

        static int RequestCommands(DatabaseCounter.Step step) => step.CommandTexts.Count(c => !c.Contains("\"ChangeNotices\"", StringComparison.Ordinal));
        Task<HttpResponseMessage> Introspect(string value) =>
            LinkAssert.PostAsClientAsync(http, $"/t/{setup.Slug}/connect/introspect", setup.Skill.ClientId, setup.Skill.ClientSecret, true, new() { ["token"] = value });

        // Until the poller's first read an instance answers nothing from memory (by design); once it has, the warm-up
        // token, the tenant and the skill are answered from memory.
        await Eventually.ValueAsync(async () =>
        {
            Assert.True(await LinkAssert.IsActiveAsync(http, setup.Skill, warmUp));
            var (_, probe) = await counter.MeasureAsync("warm-up", () => Introspect(warmUp), r => r.StatusCode);
            return RequestCommands(probe) == 0 ? probe : null;
        }, "a token answered before to cost no query on PostgreSQL", TimeSpan.FromSeconds(10));

        var costs = new List<int>();
        foreach (var _ in new[] { "cold", "warm", "warm again" })
        {
            var (response, step) = await counter.MeasureAsync("introspection", () => Introspect(token), r => r.StatusCode);
            Assert.Equal(HttpStatusCode.OK, step.Status);
            Assert.Contains("\"active\": true", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
            costs.Add(RequestCommands(step));
        }
        Assert.Equal([1, 0, 0], costs);
    }
}
