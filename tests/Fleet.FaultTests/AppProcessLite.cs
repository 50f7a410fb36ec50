using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace AlexaLinkHub.Fleet.FaultTests;

/// <summary>One more instance of the fleet's build on a database of the test's choice, with nothing configured but the
/// database (so a first start generates and prints the bootstrap credentials). Disposing kills it.</summary>
public sealed class AppProcessLite : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcessLite(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public static AppProcessLite Start(string appDll, string connectionString)
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var start = new ProcessStartInfo("dotnet", [appDll])
        {
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Database__Provider"] = "PostgreSql",
                ["ConnectionStrings__Default"] = connectionString,
                ["Jobs__RunServer"] = "false",
            },
        };
        var process = new Process { StartInfo = start };
        var app = new AppProcessLite(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => { lock (app._output) app._output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (app._output) app._output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    public HttpClient Client(string apiKey)
    {
        var http = new HttpClient(new ForwardedHttps()) { BaseAddress = BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return http;
    }

    public async Task WaitUntilReadyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(3) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"An instance exited with {_process.ExitCode} before it was ready:{Environment.NewLine}{Output}");
            if (clock.Elapsed > limit)
                throw new TimeoutException($"Not ready within {limit.TotalSeconds} s:{Environment.NewLine}{Output}");
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }

    private sealed class ForwardedHttps : DelegatingHandler
    {
        public ForwardedHttps() => InnerHandler = new HttpClientHandler();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
