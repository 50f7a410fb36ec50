using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using AlexaLinkHub.TestSupport;

namespace AlexaLinkHub.Fleet.FaultTests;

/// <summary>The fleet that <c>build/fleet.sh up</c> started (read from <c>artifacts/fleet/state.env</c>): clients for
/// the TLS load balancer (trusting only the fleet's own certificate) and for each instance directly (as the proxy
/// would call it: <c>X-Forwarded-Proto: https</c> from loopback, which the instances trust), and the script's fault
/// commands. Figures are written to the test output and to <c>artifacts/fleet/figures.txt</c>.</summary>
public sealed class Fleet
{
    private static readonly Lazy<Fleet> s_current = new(() => new Fleet());
    private readonly Dictionary<string, string> _state;

    private Fleet()
    {
        var root = RepositoryRoot();
        Script = Path.Combine(root, "build", "fleet.sh");
        var file = Path.Combine(root, "artifacts", "fleet", "state.env");
        if (!File.Exists(file))
            throw new InvalidOperationException($"No fleet is up ({file} is missing): run build/fleet.sh up first (build/test.sh does).");
        _state = File.ReadAllLines(file).Where(l => l.Contains('=', StringComparison.Ordinal))
            .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)], l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim('\''));
        Certificate = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(this["FLEET_DIR"], "nginx", "cert.pem"));
    }

    public static Fleet Current => s_current.Value;

    public string this[string key] => _state[key];
    public string Script { get; }
    public X509Certificate2 Certificate { get; }
    public int Instances => int.Parse(this["INSTANCES"], System.Globalization.CultureInfo.InvariantCulture);
    public Uri PublicUrl => new(this["PUBLIC_URL"]);
    public string PlatformKey => this["PLATFORM_KEY"];
    public string LogDirectory => Path.Combine(this["FLEET_DIR"], "logs");
    public Uri InstanceUrl(int index) => new($"http://127.0.0.1:{this[$"APP_PORT_{index}"]}");
    public Uri MetricsUrl(int index) => new($"http://127.0.0.1:{this[$"METRICS_PORT_{index}"]}/metrics");

    /// <summary>A client of the load balancer (TLS), with its own cookies; with the platform key when asked.</summary>
    public HttpClient Balancer(CookieContainer? cookies = null, bool platform = false)
    {
        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = cookies ?? new CookieContainer(),
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == Certificate.Thumbprint,
        };
        return WithKey(new HttpClient(handler) { BaseAddress = PublicUrl, Timeout = TimeSpan.FromSeconds(30) }, platform);
    }

    /// <summary>A client of one instance on its own address, as the proxy calls it, under the given host name.
    /// Cookies are kept by the client itself: the instance marks them Secure (the request is https as forwarded), which
    /// a cookie container would never send back over the plain-HTTP hop.</summary>
    public HttpClient Direct(int index, string host, bool platform = false) =>
        WithKey(new HttpClient(new ForwardedAs(host) { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false } })
        {
            BaseAddress = InstanceUrl(index),
            Timeout = TimeSpan.FromSeconds(30),
        }, platform);

    private HttpClient WithKey(HttpClient client, bool platform)
    {
        if (platform)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PlatformKey);
        return client;
    }

    /// <summary>Runs <c>build/fleet.sh</c> with these arguments; fails the test on a non-zero exit.</summary>
    public async Task RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Script) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"fleet.sh {string.Join(' ', arguments)} exited {process.ExitCode}: {await output}{await errors}");
    }

    public async Task<bool> IsReadyAsync(int index)
    {
        using var http = new HttpClient { BaseAddress = InstanceUrl(index), Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            return (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>Records a figure of a fault test (the closing note of issue 15 quotes them).</summary>
    public void Figure(string test, string text)
    {
        var line = $"{test}: {text}";
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        File.AppendAllText(Path.Combine(this["FLEET_DIR"], "figures.txt"), line + Environment.NewLine);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AlexaLinkHub.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("No AlexaLinkHub.sln above the test's folder.");
    }

    private sealed class ForwardedAs(string host) : DelegatingHandler
    {
        private readonly Dictionary<string, string> _cookies = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-Host", host);
            lock (_cookies)
            {
                if (_cookies.Count > 0)
                    request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                lock (_cookies)
                {
                    foreach (var pair in setCookies.Select(c => c.Split(';', 2)[0].Split('=', 2)))
                        _cookies[pair[0]] = pair[1];
                }
            }
            return response;
        }
    }
}

/// <summary>Link flows through any client of the fleet, with the shared test arrangements.</summary>
public static class FleetFlows
{
    /// <summary>How long a change made on one instance may take to reach another: the change feed's documented bound
    /// (ChangeFeedPoller.Bound, docs/decisions/014).</summary>
    public static readonly TimeSpan ChangeFeedBound = TimeSpan.FromSeconds(1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<string> LinkForTokenAsync(HttpClient http, CookieContainer cookies, LinkSetup setup, string state = "xyz")
    {
        // Not disposed: it would dispose the caller's client.
        var browser = new LinkFlowClient(http, cookies);
        var response = await browser.LinkAsync(setup.AuthorizeUrl(state), setup.User.Email, setup.User.Password);
        var location = response.Headers.Location ?? throw new InvalidOperationException($"No redirect: {(int)response.StatusCode}");
        var fragment = location.Fragment.TrimStart('#').Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        return fragment["access_token"];
    }

    public static Task<HttpResponseMessage> IntrospectAsync(HttpClient http, RegisteredSkill skill, string token) =>
        AsClientAsync(http, skill, "introspect", token);

    public static Task<HttpResponseMessage> RevokeAsync(HttpClient http, RegisteredSkill skill, string token) =>
        AsClientAsync(http, skill, "revoke", token);

    private static async Task<HttpResponseMessage> AsClientAsync(HttpClient http, RegisteredSkill skill, string endpoint, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/t/{skill.Slug}/connect/{endpoint}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(
            $"{Uri.EscapeDataString(skill.ClientId)}:{Uri.EscapeDataString(skill.ClientSecret)}")));
        return await http.SendAsync(request, Ct);
    }

    public static async Task<bool> IsActiveAsync(HttpClient http, RegisteredSkill skill, string token)
    {
        var response = await IntrospectAsync(http, skill, token);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("active").GetBoolean();
    }
}
