using System.Net.Http.Json;
using AlexaLinkHub.TestSupport;

namespace AlexaLinkHub.SkillBackend.Tests.Support;

/// <summary>A real AlexaLinkHub (real Kestrel, fresh SQLite, jobs at their production poll interval) with the Car Fu
/// tenant, skill (order_car, basic_profile), a user and a webhook to the Car Fu sample, which runs beside it.</summary>
public sealed class LinkHubFixture : IAsyncLifetime
{
    public IntrospectionCounter Introspections { get; } = new();
    public LiveApp Server { get; private set; } = null!;
    public HttpClient Platform { get; private set; } = null!;
    public LinkSetup Setup { get; private set; } = null!;
    public string WebhookSecret { get; private set; } = null!;
    public CarFuHost Sample { get; private set; } = null!;
    public HttpClient Skill { get; private set; } = null!;

    public string Issuer => new Uri(Server.BaseUrl, $"t/{Setup.Slug}").ToString();

    public async ValueTask InitializeAsync()
    {
        // The revocation delay is measured as a vendor gets it: Jobs:QueuePollInterval at its production default, not the
        // 200 ms the other test projects use.
        Server = await LiveApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Webhooks:AllowLoopback"] = "true",
            ["Jobs:QueuePollInterval"] = null,
        }, services: Introspections.Register);
        Platform = Server.CreateHttpClient();
        Setup = await Platform.ArrangeLinkAsync();
        var samplePort = LiveApp.FreeLoopbackPort();
        var webhook = await Platform.PostAsJsonAsync($"/api/v1/tenants/{Setup.Slug}/webhooks",
            new { url = $"http://127.0.0.1:{samplePort}/webhooks/alexalinkhub", events = new[] { "account.linked", "account.unlinked", "token.revoked", "user.disabled" } });
        var created = await webhook.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.True(webhook.IsSuccessStatusCode, created.ToString());
        WebhookSecret = created.GetProperty("secret").GetString()!;
        Sample = CarFuHost.Start(SampleSettings(), samplePort);
        Skill = Sample.CreateClient();
    }

    /// <summary>The sample's environment: ALEXALINKHUB_* for this skill, signature verification off (no Amazon here).</summary>
    public Dictionary<string, string?> SampleSettings(string? issuer = null) => new()
    {
        ["ALEXALINKHUB_ISSUER"] = issuer ?? Issuer,
        ["ALEXALINKHUB_CLIENT_ID"] = Setup.Skill.ClientId,
        ["ALEXALINKHUB_CLIENT_SECRET"] = Setup.Skill.ClientSecret,
        ["ALEXALINKHUB_WEBHOOK_SECRET"] = WebhookSecret,
        ["ALEXA_VERIFY_SIGNATURE"] = "false",
    };

    /// <summary>A new user of the tenant ("Jo Doe"): tests that count calls or evictions need a user of their own, since a
    /// webhook names the user, not the token (another test's revocation would evict this test's answers too).</summary>
    public Task<LinkUser> NewUserAsync(string? externalId = null) => Platform.CreateLinkUserAsync(Setup.Slug, $"jo-{Guid.NewGuid():N}@example.com", externalId: externalId);

    /// <summary>Links the user through the real authorize → login → consent pages; returns the access token.</summary>
    public async Task<string> LinkAsync(LinkUser user, string scope = "order_car basic_profile")
    {
        var cookies = new System.Net.CookieContainer();
        using var browser = new LinkFlowClient(new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = Server.BaseUrl }, cookies);
        var response = await browser.LinkAsync(Setup.AuthorizeUrl(scope: scope), user.Email, user.Password);
        var location = response.Headers.Location!.OriginalString;
        var fragment = location[(location.IndexOf('#', StringComparison.Ordinal) + 1)..];
        return fragment.Split('&').Select(p => p.Split('=', 2)).Single(p => p[0] == "access_token")[1] is var token
            ? Uri.UnescapeDataString(token)
            : throw new InvalidOperationException(location);
    }

    public async ValueTask DisposeAsync()
    {
        Skill?.Dispose();
        if (Sample is not null)
            await Sample.DisposeAsync();
        Platform?.Dispose();
        if (Server is not null)
            await Server.DisposeAsync();
    }
}
