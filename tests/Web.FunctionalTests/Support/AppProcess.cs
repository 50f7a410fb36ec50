using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AlexaLinkHub.Web.FunctionalTests.Support;

/// <summary>The built app started as its own process, the way automation starts it: <c>dotnet AlexaLinkHub.Web.dll</c>
/// in <c>src/Web</c>, configured by environment variables only. Disposing kills this process (and only it).</summary>
public sealed class AppProcess : IAsyncDisposable
{
    // Inherited variables that would configure the app behind the test's back.
    private static readonly string[] s_configurationPrefixes =
        ["ASPNETCORE_", "DOTNET_ENVIRONMENT", "Database__", "ConnectionStrings__", "Bootstrap__", "App__", "Skills__", "Logging__"];

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();
    private readonly Lock _gate = new();
    private readonly Stopwatch _sinceStart = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _waiters = [];

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Everything the process wrote to stdout so far.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
                return _output.ToString();
        }
    }

    /// <summary>Everything the process wrote to stderr so far.</summary>
    public string Errors
    {
        get
        {
            lock (_gate)
                return _errors.ToString();
        }
    }

    public bool HasExited => _process.HasExited;

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "AlexaLinkHub.sln")))
                    return dir.FullName;
            }
            throw new InvalidOperationException($"No AlexaLinkHub.sln above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>The Web project's build output, built as a dependency of this test project in the same configuration.</summary>
    public static string WebAssemblyPath
    {
        get
        {
            // …/tests/Web.FunctionalTests/bin/{Configuration}/net10.0/
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Debug";
            var path = Path.Combine(RepositoryRoot, "src", "Web", "bin", configuration, "net10.0", "AlexaLinkHub.Web.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build the Web project first.", path);
        }
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static AppProcess Start(IReadOnlyDictionary<string, string> environment)
    {
        var port = FreeLoopbackPort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(RepositoryRoot, "src", "Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WebAssemblyPath);
        foreach (var name in start.Environment.Keys.Where(k => s_configurationPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
            start.Environment.Remove(name);
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        foreach (var (name, value) in environment)
            start.Environment[name] = value;

        var process = new Process { StartInfo = start };
        var app = new AppProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => app.Append(app._output, e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(app._errors, e.Data);
        app._sinceStart.Start();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Polls <c>/health/ready</c> (as a load balancer or a deploy script does) until it answers 200; returns
    /// how long that took from the process start.</summary>
    public async Task<TimeSpan> WaitUntilReadyAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (true)
        {
            var elapsed = _sinceStart.Elapsed;
            if (_process.HasExited)
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before it was ready.{Environment.NewLine}{Describe()}");
            if (elapsed > limit)
                throw new TimeoutException($"/health/ready did not answer 200 within {limit.TotalSeconds} s.{Environment.NewLine}{Describe()}");
            try
            {
                using var response = await http.GetAsync("/health/ready", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                    return _sinceStart.Elapsed;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // One slow answer; ask again.
            }
            await poll.WaitForNextTickAsync(cancellationToken);
        }
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
            return;
        lock (_gate)
        {
            target.AppendLine(line);
            if (target != _output)
                return;
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Seen.TrySetResult(line);
            }
        }
    }

    /// <summary>The first stdout line (already written or still to come) that matches.</summary>
    public async Task<string> WaitForOutputLineAsync(Func<string, bool> match, TimeSpan limit)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var existing = _output.ToString().Split(Environment.NewLine).FirstOrDefault(match);
            if (existing is not null)
                return existing;
            _waiters.Add((match, seen));
        }
        try
        {
            return await seen.Task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No matching line on stdout within {limit.TotalSeconds} s.{Environment.NewLine}{Describe()}");
        }
    }

    /// <summary>Kills the process and waits until its output has been read to the end.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(CancellationToken.None);
    }

    public string Describe() => $"stdout:{Environment.NewLine}{Output}{Environment.NewLine}stderr:{Environment.NewLine}{Errors}";

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            _process.Dispose();
        }
    }
}
