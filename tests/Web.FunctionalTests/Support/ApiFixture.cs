using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;

namespace AlexaLinkHub.Web.FunctionalTests.Support;

/// <summary>One running app (real pipeline, fresh real database) shared by the tests of a class. Tests stay independent
/// by working in tenants of their own (<see cref="NewSlug"/>).</summary>
public class ApiFixture : IAsyncLifetime
{
    public const string PublicBaseUrl = "https://alh.test";

    private AlexaLinkHubFactory? _factory;

    /// <summary>Configuration of the app, for a derived fixture that needs some.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public AlexaLinkHubFactory Factory => _factory ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>The API client holding the platform key.</summary>
    public HttpClient Platform { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var all = new Dictionary<string, string?>(Settings) { ["App:PublicBaseUrl"] = PublicBaseUrl };
        _factory = await AlexaLinkHubFactory.CreateAsync(DatabaseProvider.Sqlite, all);
        Platform = _factory.CreateApiClient();
    }

    public static Task<AlexaLinkHubFactory> CreateFactoryAsync(DatabaseProvider provider) =>
        AlexaLinkHubFactory.CreateAsync(provider, new Dictionary<string, string?> { ["App:PublicBaseUrl"] = PublicBaseUrl });

    public HttpClient Client(string? apiKey) => Factory.CreateApiClient(apiKey);

    public static string NewSlug(string prefix = "acme") => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public async ValueTask DisposeAsync()
    {
        Platform?.Dispose();
        if (_factory is not null)
            await _factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Arranging data through the API itself, asserting each step succeeded.</summary>
public static class ApiArrange
{
    public static async Task<JsonElement> CreateTenantOkAsync(this HttpClient platform, string slug, string? displayName = null) =>
        await ApiAssert.JsonAsync(await platform.CreateTenantAsync(slug, displayName), HttpStatusCode.Created);

    /// <summary>Creates a tenant-scoped key of <paramref name="slug"/> and returns the key itself.</summary>
    public static async Task<string> CreateTenantKeyAsync(this HttpClient platform, string slug, string name = "ci")
    {
        var response = await platform.PostAsJsonAsync($"/api/v1/tenants/{slug}/api-keys", new { name }, TestContext.Current.CancellationToken);
        return (await ApiAssert.JsonAsync(response, HttpStatusCode.Created)).GetProperty("key").GetString()!;
    }

    public static async Task<HttpResponseMessage> RegisterSkillAsync(this HttpClient client, string slug, JsonObject body) =>
        await client.PostAsync($"/api/v1/tenants/{slug}/skills", ApiAssert.Json(body), TestContext.Current.CancellationToken);

    public static async Task<JsonElement> RegisterSkillOkAsync(this HttpClient client, string slug, JsonObject body) =>
        await ApiAssert.JsonAsync(await client.RegisterSkillAsync(slug, body), HttpStatusCode.Created);

    public static async Task<HttpResponseMessage> CreateUserAsync(this HttpClient client, string slug, string email, string displayName = "Jo Doe", string? externalId = null) =>
        await client.PostAsJsonAsync($"/api/v1/tenants/{slug}/users",
            new { email, password = "correct horse battery", displayName, externalId }, TestContext.Current.CancellationToken);

    public static async Task<JsonElement> CreateUserOkAsync(this HttpClient client, string slug, string email, string displayName = "Jo Doe", string? externalId = null) =>
        await ApiAssert.JsonAsync(await client.CreateUserAsync(slug, email, displayName, externalId), HttpStatusCode.Created);
}
