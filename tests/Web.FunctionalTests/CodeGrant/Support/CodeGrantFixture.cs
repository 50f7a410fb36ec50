using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace AlexaLinkHub.Web.FunctionalTests.CodeGrant.Support;

/// <summary>One app for a class of code-grant tests, on a stopped clock at a whole second: <c>expires_in</c> is computed
/// when the response is written (a running clock may say 3599), and the expiry claims have whole seconds. Tests that
/// move time start an app of their own (<see cref="CreateAsync"/>), so they never shift another test's clock.</summary>
public sealed class CodeGrantFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private AlexaLinkHubFactory? _factory;

    public AlexaLinkHubFactory Factory => _factory ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>The API client holding the platform key; it also speaks to the OAuth endpoints.</summary>
    public HttpClient Platform { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await CreateAsync(new FakeTimeProvider(Start));
        Platform = _factory.CreateApiClient();
    }

    /// <summary>An app of its own on <paramref name="clock"/> (and the provider), for a test that moves time.</summary>
    public static Task<AlexaLinkHubFactory> CreateAsync(FakeTimeProvider clock, DatabaseProvider provider = DatabaseProvider.Sqlite) =>
        AlexaLinkHubFactory.CreateAsync(provider, clock: clock);

    public async ValueTask DisposeAsync()
    {
        Platform?.Dispose();
        if (_factory is not null)
            await _factory.DisposeAsync();
    }
}

/// <summary>An app of a test's own on a clock the test moves (starting at <see cref="CodeGrantFixture.Start"/>).</summary>
public sealed class ClockedApp : IAsyncDisposable
{
    private ClockedApp(AlexaLinkHubFactory factory, FakeTimeProvider clock)
    {
        Factory = factory;
        Clock = clock;
        Http = factory.CreateApiClient();
    }

    public AlexaLinkHubFactory Factory { get; }
    public FakeTimeProvider Clock { get; }

    /// <summary>The API client holding the platform key; it also speaks to the OAuth endpoints.</summary>
    public HttpClient Http { get; }

    public static async Task<ClockedApp> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var clock = new FakeTimeProvider(CodeGrantFixture.Start);
        return new ClockedApp(await CodeGrantFixture.CreateAsync(clock, provider), clock);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Factory.DisposeAsync();
    }
}
