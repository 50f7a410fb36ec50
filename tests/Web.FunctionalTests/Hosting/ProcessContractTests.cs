using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Hosting;

/// <summary>The running contract of issue 2: the built app started as a separate process with environment variables
/// only (as automation does), on an empty SQLite database, becomes ready and is usable with the bootstrap key.</summary>
public sealed partial class ProcessContractTests
{
    private static readonly TimeSpan s_readyLimit = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> AutomationEnvironment(TemporarySqliteFile database) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Database__Provider"] = "Sqlite",
        ["ConnectionStrings__Default"] = database.ConnectionString,
    };

    private static async Task<TimeSpan> WaitUntilReadyAsync(AppProcess app)
    {
        var coldStart = await app.WaitUntilReadyAsync(s_readyLimit, Ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"Cold start to /health/ready = 200: {coldStart.TotalMilliseconds:F0} ms");
        Assert.InRange(coldStart, TimeSpan.Zero, s_readyLimit);
        return coldStart;
    }

    private static HttpClient Client(AppProcess app, string? apiKey)
    {
        var client = new HttpClient { BaseAddress = app.BaseAddress };
        if (apiKey is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    [Fact]
    public async Task FirstStart_WithoutBootstrapSettings_PrintsAKeyThatCreatesATenant()
    {
        using var database = new TemporarySqliteFile();
        await using var app = AppProcess.Start(AutomationEnvironment(database));

        await WaitUntilReadyAsync(app);

        var keyLine = await app.WaitForOutputLineAsync(line => line.Contains("Platform API key", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var passwordLine = await app.WaitForOutputLineAsync(line => line.Contains("Admin password", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var key = KeyLine().Match(keyLine);
        Assert.True(key.Success, $"Not a platform key line: '{keyLine}'");
        var password = PasswordLine().Match(passwordLine);
        Assert.True(password.Success, $"Not an admin password line: '{passwordLine}'");
        Assert.True(password.Groups["password"].Value.Length >= 16, "The generated admin password must be long.");

        using var anonymous = Client(app, null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/tenants", new { slug = "nobody", displayName = "x" }, Ct)).StatusCode);
        using var platform = Client(app, key.Groups["key"].Value);
        var created = await platform.PostAsJsonAsync("/api/v1/tenants", new { slug = "acme", displayName = "Acme" }, Ct);
        var tenant = await ApiAssert.JsonAsync(created, HttpStatusCode.Created);
        Assert.Equal("acme", tenant.Str("slug"));
        // Without App__PublicBaseUrl the URIs reported to the vendor use the address the app listens on.
        var skill = await platform.RegisterSkillOkAsync("acme", SkillBodies.Valid("acme-skill"));
        Assert.Equal(new Uri(app.BaseAddress, "t/acme/connect/authorize").ToString(), skill.Str("authorizationUri"));

        await app.StopAsync();
        Assert.Single(Regex.Matches(app.Output, "Platform API key"));
    }

    [Fact]
    public async Task FirstStart_WithBootstrapSettings_PrintsNothingAndTheGivenKeyWorks()
    {
        const string givenKey = "alh_process-contract-key-1234567890abcdefghijklmnop";
        const string givenPassword = "a configured admin password";
        using var database = new TemporarySqliteFile();
        var environment = AutomationEnvironment(database);
        environment["Bootstrap__PlatformApiKey"] = givenKey;
        // With the admin configured as well nothing is generated, so there is nothing to print.
        environment["Bootstrap__AdminEmail"] = "ops@acme.example";
        environment["Bootstrap__AdminPassword"] = givenPassword;
        await using var app = AppProcess.Start(environment);

        await WaitUntilReadyAsync(app);

        using var platform = Client(app, givenKey);
        var created = await platform.PostAsJsonAsync("/api/v1/tenants", new { slug = "acme", displayName = "Acme" }, Ct);
        Assert.Equal("acme", (await ApiAssert.JsonAsync(created, HttpStatusCode.Created)).Str("slug"));
        using var other = Client(app, "alh_some-other-key-000000000000000000000000000000");
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/tenants", Ct)).StatusCode);

        await app.StopAsync();
        var everything = app.Output + app.Errors;
        Assert.DoesNotContain("Platform API key", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("Admin password", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(givenKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(givenPassword, everything, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Platform API key\s*:\s*(?<key>alh_[A-Za-z0-9_-]{20,})\s*$")]
    private static partial Regex KeyLine();

    [GeneratedRegex(@"Admin password\s*:\s*(?<password>\S+)\s*$")]
    private static partial Regex PasswordLine();
}
