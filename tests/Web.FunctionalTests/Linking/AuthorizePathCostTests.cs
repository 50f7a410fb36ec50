using System.Globalization;
using System.Net;
using System.Text;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlexaLinkHub.Web.FunctionalTests.Linking;

/// <summary>What each step of a link costs the database, counted by an EF Core interceptor in the real pipeline: the
/// commands each request runs and the transactions it commits. The table (with every command) is written to
/// <c>artifacts/measurements/authorize-path.txt</c> — it is how the authorize path's figures are measured; the
/// assertions pin the properties the figures stand for.</summary>
public sealed class AuthorizePathCostTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task LinkFlow_EachStep_ReadsTheSkillAtMostOnceAndAllowCommitsOneTransaction()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        var counter = new DatabaseCounter();
        await using var app = api.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<SqliteAppDbContext>(options => options.AddInterceptors(counter))));
        using var browser = LinkFlowClient.Create(app);

        var steps = new List<DatabaseCounter.Step>();
        var start = await counter.MeasureAsync("GET authorize (anonymous)", steps, () => browser.GetPageAsync(setup.AuthorizeUrl()));
        var login = await counter.MeasureAsync("GET login", steps, () => browser.FollowAsync(start));
        var signedIn = await counter.MeasureAsync("POST login", steps, () => browser.SignInAsync(login, setup.User.Email, setup.User.Password));
        var consent = await counter.MeasureAsync("GET consent", steps, () => browser.FollowAsync(signedIn));
        var allowed = await counter.MeasureAsync("POST allow", steps, () => browser.SubmitAsync(consent, new Dictionary<string, string> { ["decision"] = "allow" }));

        var table = Table(steps);
        TestContext.Current.TestOutputHelper?.WriteLine(table);
        var measurements = Directory.CreateDirectory(Path.Combine(AppProcess.RepositoryRoot, "artifacts", "measurements"));
        await File.WriteAllTextAsync(Path.Combine(measurements.FullName, "authorize-path.txt"), table, TestContext.Current.CancellationToken);
        Assert.Equal(
            [HttpStatusCode.Found, HttpStatusCode.OK, HttpStatusCode.Found, HttpStatusCode.OK, HttpStatusCode.Found],
            steps.Select(s => s.Status));
        Assert.StartsWith(setup.Skill.RedirectUri + "#access_token=", allowed.Location!.ToString(), StringComparison.Ordinal);
        // The login page names the skill from the link flow it was handed, without asking the database again.
        Assert.All(steps.Where(s => s.Name.Contains("login", StringComparison.Ordinal)), s => Assert.Equal(0, s.SkillReads));
        Assert.All(steps, s => Assert.InRange(s.SkillReads, 0, 1));
        // Link, grant, token, audit event and outbox rows: one commit.
        Assert.Equal(1, steps.Single(s => s.Name == "POST allow").Commits);
    }

    private static string Table(IReadOnlyList<DatabaseCounter.Step> steps)
    {
        var text = new StringBuilder("step | status | db commands | skill/client reads | commits\n");
        foreach (var step in steps)
            text.Append(CultureInfo.InvariantCulture, $"{step.Name} | {(int)step.Status} | {step.Commands} | {step.SkillReads} | {step.Commits}\n");
        foreach (var step in steps)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n-- {step.Name}\n");
            foreach (var command in step.CommandTexts)
                text.Append("   ").Append(command.ReplaceLineEndings(" ")).Append('\n');
        }
        return text.ToString();
    }

    private sealed record Step(string Name, HttpStatusCode Status, int Commands, int SkillReads, int Commits, IReadOnlyList<string> CommandTexts);
}
