using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using AlexaLinkHub.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlexaLinkHub.TestSupport;

/// <summary>The real app (<see cref="AlexaLinkHubFactory"/>) on real Kestrel at <c>http://127.0.0.1:{free port}</c>, for
/// clients that need a socket (a browser). <c>App:PublicBaseUrl</c> is that address, so the URIs the admin API reports
/// (a skill's <c>authorizationUri</c>) are the ones a browser can open.</summary>
public sealed class LiveApp : IAsyncDisposable
{
    private LiveApp(AlexaLinkHubFactory factory, Uri baseUrl, RecentLog log)
    {
        Factory = factory;
        BaseUrl = baseUrl;
        Log = log;
    }

    public AlexaLinkHubFactory Factory { get; }

    /// <summary>The app's recent warnings and errors (for the message of a test that timed out).</summary>
    public RecentLog Log { get; }

    /// <summary>The app's address, with a trailing slash (<c>http://127.0.0.1:40123/</c>).</summary>
    public Uri BaseUrl { get; }

    /// <summary><paramref name="host"/> "localhost" listens on both loopback addresses under that name — what WebAuthn
    /// needs (an IP address is no relying-party id).</summary>
    public static async Task<LiveApp> StartAsync(
        DatabaseProvider provider = DatabaseProvider.Sqlite,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        string host = "127.0.0.1")
    {
        // The public URL is configuration, read before the server binds, so the port is chosen first (the OS hands out
        // a free one; it is released again just before Kestrel takes it).
        var port = FreeLoopbackPort();
        var baseUrl = new Uri($"http://{host}:{port}/");
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["App:PublicBaseUrl"] = baseUrl.ToString().TrimEnd('/'),
        };
        var log = new RecentLog();
        var factory = await AlexaLinkHubFactory.CreateAsync(provider, all, services: s =>
        {
            s.AddSingleton<ILoggerProvider>(log);
            services?.Invoke(s);
        });
        try
        {
            factory.UseKestrel(options =>
            {
                if (host == "localhost")
                    options.ListenLocalhost(port);
                else
                    options.Listen(IPAddress.Loopback, port);
            });
            factory.StartServer();
            return new LiveApp(factory, baseUrl, log);
        }
        catch (Exception exception)
        {
            await factory.DisposeAsync();
            throw new InvalidOperationException($"The app did not start on {baseUrl}; the app's log (above) has the cause.", exception);
        }
    }

    /// <summary>A plain HTTP client over the socket (not the in-memory test server), holding <paramref name="apiKey"/>
    /// as its bearer token when given. Redirects are not followed.</summary>
    public HttpClient CreateHttpClient(string? apiKey = AlexaLinkHubFactory.PlatformApiKey)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseUrl };
        if (apiKey is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();

    /// <summary>A port on 127.0.0.1 that was free a moment ago (the OS picks it).</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
