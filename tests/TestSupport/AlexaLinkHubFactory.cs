using System.Net.Http.Headers;
using System.Net.Http.Json;
using AlexaLinkHub.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlexaLinkHub.TestSupport;

/// <summary>The real app (Program.cs, its whole pipeline) on a fresh real database. The platform API key is fixed so
/// tests can call the admin API.</summary>
public sealed class AlexaLinkHubFactory : WebApplicationFactory<Program>
{
    public const string PlatformApiKey = "alh_test-platform-key-000000000000000000000000000";
    public const string AdminEmail = "platform-admin@alh.test";
    public const string AdminPassword = "platform-admin-password";

    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    private AlexaLinkHubFactory(TestDatabase database, IDictionary<string, string?>? settings, FakeTimeProvider? clock, bool ownsDatabase = true, Action<IServiceCollection>? services = null)
    {
        _database = database;
        _services = services;
        _ownsDatabase = ownsDatabase;
        _settings = new Dictionary<string, string?>(database.Settings())
        {
            ["Bootstrap:PlatformApiKey"] = PlatformApiKey,
            ["Bootstrap:AdminEmail"] = AdminEmail,
            ["Bootstrap:AdminPassword"] = AdminPassword,
            // Emails go to a folder of this test's own; the sign-up/reset rate limit is set high unless a test lowers it.
            ["Email:PickupDirectory"] = MailDirectory = Path.Combine(Path.GetTempPath(), "alh-tests", "mail-" + Guid.NewGuid().ToString("N")),
            // Jobs (email, webhooks) are picked up quickly; each app has its own job storage (beside its own database).
            ["Jobs:QueuePollInterval"] = "00:00:00.200",
            ["Jobs:SchedulePollingInterval"] = "00:00:01",
            ["Jobs:WorkerCount"] = "2",
            ["RateLimits:AccountFormsPermitLimit"] = "1000",
            // Tests are one client address doing the work of many people; tests of the limits lower them again.
            ["RateLimits:TenantPagesPerIp:Permits"] = "100000",
            ["RateLimits:TenantPagesPerIp:Burst"] = "100000",
            ["RateLimits:AdminSignInPerIp:Permits"] = "100000",
            ["RateLimits:AdminSignInPerIp:Burst"] = "100000",
            ["RateLimits:ApiPerKey:Permits"] = "100000",
            ["RateLimits:ApiPerKey:Burst"] = "100000",
        };
        // A null value takes a test default back out: the app's own default applies.
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            if (value is null)
                _settings.Remove(key);
            else
                _settings[key] = value;
        }
        Clock = clock;
    }

    public DatabaseProvider Provider => _database.Provider;

    /// <summary>The pickup folder the app writes its emails into (.eml files).</summary>
    public string MailDirectory { get; private set; } = string.Empty;

    /// <summary>The database this app runs on (e.g. for a second instance, see <see cref="CreateOn"/>).</summary>
    public TestDatabase Database => _database;

    /// <summary>Set when the factory was created with a fake clock; advance it to move the app's time.</summary>
    public FakeTimeProvider? Clock { get; }

    /// <param name="services">Registrations added after the app's own (e.g. an <c>IStartupFilter</c> that observes requests).</param>
    public static async Task<AlexaLinkHubFactory> CreateAsync(
        DatabaseProvider provider = DatabaseProvider.Sqlite,
        IDictionary<string, string?>? settings = null,
        FakeTimeProvider? clock = null,
        Action<IServiceCollection>? services = null) =>
        new(await TestDatabase.CreateAsync(provider), settings, clock, services: services);

    /// <summary>An app on a database the caller owns — a second instance, or a restart after disposing the first app.
    /// Disposing this app leaves the database alone.</summary>
    public static AlexaLinkHubFactory CreateOn(TestDatabase database, IDictionary<string, string?>? settings = null, FakeTimeProvider? clock = null) =>
        new(database, settings, clock, ownsDatabase: false);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        if (Clock is not null)
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        if (_services is not null)
            builder.ConfigureServices(_services);
    }

    public HttpClient CreateApiClient(string? apiKey = PlatformApiKey)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (apiKey is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
            await _database.DisposeAsync();
    }
}

public static class ApiClientExtensions
{
    public static async Task<HttpResponseMessage> CreateTenantAsync(this HttpClient client, string slug, string? displayName = null) =>
        await client.PostAsJsonAsync("/api/v1/tenants", new { slug, displayName = displayName ?? slug });
}
