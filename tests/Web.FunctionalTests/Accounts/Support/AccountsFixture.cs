using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlexaLinkHub.Web.FunctionalTests.Accounts.Support;

/// <summary>The app (real pipeline, fresh SQLite database, emails into its pickup folder) with a public base URL that
/// is not the address the tests talk to, so an email link built from a request's Host header would show.</summary>
public class AccountsFixture : IAsyncLifetime
{
    public const string PublicBaseUrl = "https://public.example";

    private AlexaLinkHubFactory? _factory;

    public AlexaLinkHubFactory Factory => _factory ?? throw new InvalidOperationException("The fixture is not initialized.");

    public HttpClient Platform { get; private set; } = null!;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["App:PublicBaseUrl"] = PublicBaseUrl };

    /// <summary>The app's clock when a fixture wants to move time (null: the real clock).</summary>
    public virtual FakeTimeProvider? Clock => null;

    public async ValueTask InitializeAsync()
    {
        _factory = await AlexaLinkHubFactory.CreateAsync(settings: Settings, clock: Clock);
        Platform = _factory.CreateApiClient();
    }

    /// <summary>A new tenant ("Acme Rides") with one implicit-grant skill ("Car Fu") and, when asked, one end user.</summary>
    public async Task<AccountScenario> ArrangeAsync(string? userEmail = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var slug = ApiFixture.NewSlug();
        await Platform.CreateTenantOkAsync(slug, AccountScenario.TenantName);
        var skill = await Platform.RegisterSkillOkAsync(slug, SkillBodies.Valid(SkillBodies.NewClientId(), AccountScenario.SkillName));
        if (userEmail is not null)
        {
            var user = await Platform.PostAsJsonAsync($"/api/v1/tenants/{slug}/users",
                new { email = userEmail, password = AccountScenario.Password, displayName = "Jo Doe" }, ct);
            await ApiAssert.JsonAsync(user, HttpStatusCode.Created);
        }
        return new AccountScenario(slug, skill.GetProperty("clientId").GetString()!, skill.GetProperty("clientSecret").GetString()!);
    }

    /// <summary>PATCH /api/v1/tenants/{slug} with the sign-up switches.</summary>
    public async Task ConfigureSignUpAsync(string slug, bool? signUpEnabled = null, bool? emailConfirmationRequired = null)
    {
        var response = await Platform.PatchAsJsonAsync($"/api/v1/tenants/{slug}", new { signUpEnabled, emailConfirmationRequired }, TestContext.Current.CancellationToken);
        var tenant = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        if (signUpEnabled is { } enabled)
            Assert.Equal(enabled, tenant.GetProperty("signUpEnabled").GetBoolean());
        if (emailConfirmationRequired is { } required)
            Assert.Equal(required, tenant.GetProperty("emailConfirmationRequired").GetBoolean());
    }

    /// <summary>The tenant's end users' emails, as the admin API lists them.</summary>
    public async Task<IReadOnlyList<string>> UserEmailsAsync(string slug)
    {
        var response = await Platform.GetAsync($"/api/v1/tenants/{slug}/users", TestContext.Current.CancellationToken);
        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        var items = body.ValueKind == JsonValueKind.Array ? body : body.GetProperty("items");
        return items.EnumerateArray().Select(u => u.GetProperty("email").GetString()!).ToList();
    }

    /// <summary>RFC 7662 introspection of <paramref name="token"/>, authenticated as the scenario's skill.</summary>
    public async Task<JsonElement> IntrospectAsync(AccountScenario scenario, string token)
    {
        using var client = Factory.CreateApiClient(apiKey: null);
        var response = await client.PostAsync($"/t/{scenario.Slug}/connect/introspect", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token,
            ["client_id"] = scenario.ClientId,
            ["client_secret"] = scenario.ClientSecret,
        }), TestContext.Current.CancellationToken);
        return await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Reads the app's database directly, in the platform scope.</summary>
    public async Task<T> QueryDbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        Platform?.Dispose();
        if (_factory is not null)
            await _factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>What a test arranged: a tenant and its skill, and the Alexa app's authorization request for it.</summary>
public sealed record AccountScenario(string Slug, string ClientId, string ClientSecret)
{
    public const string TenantName = "Acme Rides";
    public const string SkillName = "Car Fu";
    public const string Password = "correct horse battery";
    public const string State = "Alexa+state/=42";

    /// <summary>The implicit-grant request the Alexa app opens (relative, as the app's pages carry it in returnUrl).</summary>
    public string AuthorizeUrl => QueryHelpers.AddQueryString($"/t/{Slug}/connect/authorize", new Dictionary<string, string?>
    {
        ["response_type"] = "token",
        ["client_id"] = ClientId,
        ["redirect_uri"] = SkillBodies.PitanguiRedirect,
        ["state"] = State,
        ["scope"] = "taxi.order profile",
    });

    public string PageUrl(string page, bool inLinkFlow = true) =>
        inLinkFlow ? QueryHelpers.AddQueryString($"/t/{Slug}/{page}", "returnUrl", AuthorizeUrl) : $"/t/{Slug}/{page}";

    public static string NewEmail(string name = "jo") => $"{name}.{Guid.NewGuid():N}"[..(name.Length + 13)] + "@example.com";
}
