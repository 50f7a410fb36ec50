using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;

namespace AlexaLinkHub.Web.FunctionalTests.Fleet.Support;

/// <summary>Two instances of the app (two hosts, each with its own DI container, caches and OpenIddict options) on one
/// PostgreSQL database: what a load balancer in front of a fleet sees, in one test process.</summary>
public sealed class TwoInstances : IAsyncDisposable
{
    private TwoInstances(TestDatabase database, AlexaLinkHubFactory a, AlexaLinkHubFactory b)
    {
        Database = database;
        A = a;
        B = b;
    }

    public TestDatabase Database { get; }
    public AlexaLinkHubFactory A { get; }
    public AlexaLinkHubFactory B { get; }

    /// <summary>Starts A, then B (B finds the database migrated and bootstrapped), unless <paramref name="together"/>:
    /// then both start at the same moment on the empty database.</summary>
    /// <param name="connectTo">The instances' connection string, given the database's (e.g. through a relay).</param>
    public static async Task<TwoInstances> StartAsync(IDictionary<string, string?>? settings = null, bool together = false, Func<string, string>? connectTo = null)
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        if (connectTo is not null)
            settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["ConnectionStrings:Default"] = connectTo(database.ConnectionString) };
        var a = AlexaLinkHubFactory.CreateOn(database, settings);
        var b = AlexaLinkHubFactory.CreateOn(database, settings);
        if (together)
            await Task.WhenAll(Task.Run(() => a.StartServer()), Task.Run(() => b.StartServer()));
        else
        {
            a.StartServer();
            b.StartServer();
        }
        return new TwoInstances(database, a, b);
    }

    public AlexaLinkHubFactory this[int index] => index % 2 == 0 ? A : B;

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Database.DisposeAsync();
    }
}
