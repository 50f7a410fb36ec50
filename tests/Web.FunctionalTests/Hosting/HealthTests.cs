using System.Net;
using System.Text.Json;
using AlexaLinkHub.TestSupport;

namespace AlexaLinkHub.Web.FunctionalTests.Hosting;

public sealed class HealthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> HealthAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task Ready_AfterStartup_Returns200()
    {
        await using var factory = await AlexaLinkHubFactory.CreateAsync();
        var response = await factory.CreateClient().GetAsync("/health/ready", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Ready_AfterStartup_ReportsTheDatabaseCheckHealthy()
    {
        await using var factory = await AlexaLinkHubFactory.CreateAsync();

        var health = await HealthAsync(await factory.CreateClient().GetAsync("/health/ready", Ct));

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Live_WithoutAnyKey_Returns200WithoutCheckingTheDatabase()
    {
        await using var factory = await AlexaLinkHubFactory.CreateAsync();

        var health = await HealthAsync(await factory.CreateClient().GetAsync("/health/live", Ct));

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Empty(health.GetProperty("checks").EnumerateObject());
    }

    [Fact]
    public async Task Live_WhileMigrationsArePending_StillReturns200()
    {
        await using var factory = await AlexaLinkHubFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false" });

        var health = await HealthAsync(await factory.CreateClient().GetAsync("/health/live", Ct));

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_WhenHttpsIsRequired_StillAnswersOverPlainHttpWhileTheApiRedirects()
    {
        await using var factory = await AlexaLinkHubFactory.CreateAsync(settings: new Dictionary<string, string?> { ["App:RequireHttps"] = "true" });
        using var client = factory.CreateApiClient();

        await HealthAsync(await client.GetAsync("/health/live", Ct));
        await HealthAsync(await client.GetAsync("/health/ready", Ct));
        var api = await client.GetAsync("/api/v1/tenants", Ct);

        Assert.Equal(HttpStatusCode.PermanentRedirect, api.StatusCode);
        Assert.Equal("https", api.Headers.Location?.Scheme);
    }
}
