using Microsoft.Extensions.Logging;
using AlexaLinkHub.Application;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Infrastructure;
using AlexaLinkHub.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace AlexaLinkHub.TestSupport;

/// <summary>The Application and Infrastructure layers wired exactly as the host wires them, on a real database, without
/// HTTP. Each <c>Send…</c> runs in its own DI scope, like one request.</summary>
public sealed class AppServices : IAsyncDisposable
{
    public const string PublicBaseUrl = "https://alh.test/";

    private readonly IHost _host;
    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;

    private AppServices(IHost host, TestDatabase database, bool ownsDatabase, FakeTimeProvider clock)
    {
        _host = host;
        _database = database;
        _ownsDatabase = ownsDatabase;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }
    public IServiceProvider Services => _host.Services;
    public DatabaseProvider Provider => _database.Provider;
    public TestDatabase Database => _database;

    /// <summary>A host on a fresh database of its own, migrated; disposing the host drops the database.</summary>
    public static async Task<AppServices> CreateAsync(
        DatabaseProvider provider = DatabaseProvider.Sqlite, IEnumerable<KeyValuePair<string, string?>>? settings = null, Action<IServiceCollection>? services = null,
        string environment = "Development") =>
        await CreateAsync(await TestDatabase.CreateAsync(provider), ownsDatabase: true, settings, migrate: true, services, environment);

    /// <summary>A host on a database the caller owns (e.g. a second instance on the first one's <see cref="Database"/>);
    /// disposing the host leaves the database alone. <paramref name="migrate"/>: false leaves a fresh database empty.</summary>
    public static Task<AppServices> CreateOnAsync(TestDatabase database, IEnumerable<KeyValuePair<string, string?>>? settings = null, bool migrate = true) =>
        CreateAsync(database, ownsDatabase: false, settings, migrate);

    private static async Task<AppServices> CreateAsync(
        TestDatabase database, bool ownsDatabase, IEnumerable<KeyValuePair<string, string?>>? settings, bool migrate, Action<IServiceCollection>? services = null,
        string environment = "Development")
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = environment,
            ContentRootPath = database.SqliteDirectory ?? Path.GetTempPath(),
        });
        builder.Configuration.AddInMemoryCollection(database.Settings().Concat(settings ?? []));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddApplicationServices();
        builder.AddInfrastructureServices();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<IPublicUrls>(new FixedPublicUrls(PublicBaseUrl));
        // The real email composer of the web host (localised texts), so account emails land in the outbox as in production.
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        builder.Services.AddScoped<AlexaLinkHub.Application.Accounts.IAccountEmails, AlexaLinkHub.Web.Email.AccountEmails>();
        builder.Services.AddSingleton<AlexaLinkHub.Application.Linking.IAuthorizationResponse, RecordedAuthorizationResponses>();
        services?.Invoke(builder.Services);
        var host = builder.Build();
        if (migrate)
        {
            await host.Services.MigrateDatabaseAsync();
            // The host's startup builds OpenIddict's options, whose server keys are stored protected by data protection:
            // the key ring has its key before any request. Without that, the first command to protect something (an
            // invitation token) would create the key inside its own SQLite write transaction and hit "database is locked".
            host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("AlexaLinkHub.Tests").Protect([0]);
        }
        return new AppServices(host, database, ownsDatabase, clock);
    }

    /// <summary>Sends as the system, in the platform scope.</summary>
    public Task<T> SendAsPlatformAsync<T>(IMessage message) =>
        SendAsync<T>(message, (actor, tenant) =>
        {
            actor.Set(Actor.ApiKey("platform-test", null, "127.0.0.1"));
            tenant.EnterPlatformScope();
        });

    /// <summary>Sends as an admin of the given tenant, with that tenant in scope.</summary>
    public Task<T> SendAsTenantAdminAsync<T>(Guid tenantId, string slug, IMessage message) =>
        SendAsync<T>(message, (actor, tenant) =>
        {
            actor.Set(Actor.ApiKey($"tenant-test-{slug}", tenantId, "127.0.0.1"));
            tenant.EnterTenant(tenantId, slug);
        });

    public async Task<T> SendAsync<T>(IMessage message, Action<ActorContext, TenantContext> setup)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        setup(scope.ServiceProvider.GetRequiredService<ActorContext>(), scope.ServiceProvider.GetRequiredService<TenantContext>());
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send((object)message);
        return (T)result!;
    }

    /// <summary>Reads the database directly in a scope of its own, in the platform scope unless told otherwise.</summary>
    public async Task<T> QueryDbAsync<T>(Func<AppDbContext, Task<T>> query, Guid? tenantId = null)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
        if (tenantId is { } id)
            tenant.EnterTenant(id, "test");
        else
            tenant.EnterPlatformScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        if (_ownsDatabase)
            await _database.DisposeAsync();
    }
}
