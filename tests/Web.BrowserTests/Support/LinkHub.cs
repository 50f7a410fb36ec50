using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AlexaLinkHub.TestSupport;

namespace AlexaLinkHub.Web.BrowserTests.Support;

/// <summary>The app on real Kestrel, one for the whole test assembly. Tests stay independent by arranging a tenant,
/// skill and end user of their own through the admin API, as a vendor would (<see cref="ArrangeAsync"/>).</summary>
public sealed class LinkHub : IAsyncLifetime
{
    private LiveApp? _app;
    private HttpClient? _platform;

    public LiveApp App => _app ?? throw new InvalidOperationException("The app is not started.");

    /// <summary>An HTTP client over the socket holding the platform API key.</summary>
    public HttpClient Platform => _platform ?? throw new InvalidOperationException("The app is not started.");

    public async ValueTask InitializeAsync()
    {
        _app = await LiveApp.StartAsync();
        PhonePage.ServerLog = _app.Log;
        _platform = _app.CreateHttpClient();
    }

    /// <summary>A new tenant (or the existing <paramref name="existingSlug"/>, signed up in the console) with one
    /// implicit-grant skill (Alexa's redirect URL, the given scopes) and one end user.</summary>
    public async Task<BrowserLinkSetup> ArrangeAsync(
        string tenantName = "Car Fu Motors",
        string skillName = "Car Fu",
        IReadOnlyList<(string Name, string Description)>? scopes = null,
        string? existingSlug = null)
    {
        var ct = TestContext.Current.CancellationToken;
        scopes ??= [("taxi.order", "order a taxi on your behalf"), ("profile", "read your name and email")];
        var slug = existingSlug ?? $"t-{Guid.NewGuid():N}"[..14];

        if (existingSlug is null)
            await ExpectAsync(await Platform.PostAsJsonAsync("/api/v1/tenants", new { slug, displayName = tenantName }, ct), HttpStatusCode.Created);

        var skill = await ExpectAsync(await Platform.PostAsJsonAsync($"/api/v1/tenants/{slug}/skills", new
        {
            name = skillName,
            clientId = $"skill-{Guid.NewGuid():N}",
            grantType = "implicit",
            scopes = scopes.Select(s => new { name = s.Name, description = s.Description }).ToArray(),
            domains = new[] { "cdn.carfu.example" },
            redirectUrls = new[] { BrowserLinkSetup.AlexaRedirectUrl },
            accessTokenLifetimeSeconds = 3600,
        }, ct), HttpStatusCode.Created);

        var email = $"jo.{Guid.NewGuid().ToString("N")[..12]}@carfu.example";
        const string password = "correct horse battery";
        var user = await ExpectAsync(await Platform.PostAsJsonAsync($"/api/v1/tenants/{slug}/users",
            new { email, password, displayName = "Jo Doe" }, ct), HttpStatusCode.Created);

        return new BrowserLinkSetup(
            App.BaseUrl, slug, tenantName, skillName, scopes,
            skill.GetProperty("clientId").GetString()!,
            skill.GetProperty("clientSecret").GetString()!,
            skill.GetProperty("authorizationUri").GetString()!,
            email, password, user.GetProperty("id").GetGuid());
    }

    /// <summary>RFC 7662 introspection, authenticated as the skill, over HTTP.</summary>
    public async Task<JsonElement> IntrospectAsync(BrowserLinkSetup link, string token)
    {
        using var client = App.CreateHttpClient(apiKey: null);
        var response = await client.PostAsync($"t/{link.Slug}/connect/introspect", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token,
            ["client_id"] = link.ClientId,
            ["client_secret"] = link.ClientSecret,
        }), TestContext.Current.CancellationToken);
        return await ExpectAsync(response, HttpStatusCode.OK);
    }

    public async ValueTask DisposeAsync()
    {
        _platform?.Dispose();
        if (_app is not null)
            await _app.DisposeAsync();
    }

    private static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {(int)response.StatusCode}, expected {(int)status}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
