using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace AlexaLinkHub.TestSupport;

/// <summary>The vendor's OpenID Connect provider: real <c>oidc-provider</c> instances (tests/oidc-idp/server.js) started
/// once per test process with node, on loopback ports of their own. Each instance (<see cref="Good"/>, <see cref="Slow"/>,
/// the <c>Wrong*</c> ones) behaves as its name says; clients register themselves with their callback URL (RFC 7591).</summary>
public sealed class OidcProvider
{
    public const string Good = "good";
    public const string Slow = "slow";
    public const string WrongAudience = "wrong-aud";
    public const string WrongIssuer = "wrong-iss";
    public const string WrongNonce = "wrong-nonce";
    public const string WrongKey = "wrong-key";

    private static readonly Lazy<Task<OidcProvider>> s_shared = new(StartAsync);
    private readonly Process _process;
    private readonly IReadOnlyDictionary<string, string> _issuers;

    private OidcProvider(Process process, IReadOnlyDictionary<string, string> issuers)
    {
        _process = process;
        _issuers = issuers;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
    }

    /// <summary>The provider of this test process (started on first use).</summary>
    public static Task<OidcProvider> SharedAsync() => s_shared.Value;

    public string Issuer(string instance = Good) => _issuers[instance];

    /// <summary>Registers a client whose redirect URI is <paramref name="redirectUri"/> (the tenant's callback URL).</summary>
    public async Task<(string ClientId, string ClientSecret)> RegisterClientAsync(string redirectUri, string instance = Good)
    {
        using var http = new HttpClient();
        var response = await http.PostAsJsonAsync($"{Issuer(instance)}/reg", new { redirect_uris = new[] { redirectUri }, token_endpoint_auth_method = "client_secret_basic" });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"The provider refused the client registration: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return (json.RootElement.GetProperty("client_id").GetString()!, json.RootElement.GetProperty("client_secret").GetString()!);
    }

    /// <summary>Plays the user at the provider, without JavaScript: opens <paramref name="authorizationUrl"/>, signs in as
    /// <paramref name="email"/> (or presses Cancel) and returns the address the provider sends the browser back to.</summary>
    public static async Task<Uri> SignInAsync(Uri authorizationUrl, string? email, bool emailVerified = true)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        var response = await browser.GetAsync(authorizationUrl);
        var interaction = await NextAsync(authorizationUrl, response);
        var uid = interaction.AbsolutePath.Split('/').Last();
        var form = email is null
            ? new FormUrlEncodedContent([])
            : new FormUrlEncodedContent(new Dictionary<string, string> { ["login"] = email, ["email_verified"] = emailVerified ? "true" : "false" });
        var action = new Uri(interaction, $"/interaction/{uid}/{(email is null ? "abort" : "login")}");
        var location = await NextAsync(action, await browser.PostAsync(action, form));
        // The provider resumes the authorization request, then redirects to the client.
        for (var hop = 0; hop < 5 && location.Authority == authorizationUrl.Authority; hop++)
            location = await NextAsync(location, await browser.GetAsync(location));
        return location;
    }

    private static async Task<Uri> NextAsync(Uri from, HttpResponseMessage response) =>
        response.Headers.Location is { } location
            ? (location.IsAbsoluteUri ? location : new Uri(from, location))
            : throw new InvalidOperationException($"The provider answered {(int)response.StatusCode} at {from} without a redirect: {await response.Content.ReadAsStringAsync()}");

    /// <summary>The query parameters of a URL (the callback's code and state).</summary>
    public static IReadOnlyDictionary<string, string> Query(Uri url) =>
        QueryHelpers.ParseQuery(url.Query).ToDictionary(p => p.Key, p => p.Value.ToString());

    private static async Task<OidcProvider> StartAsync()
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "oidc-idp");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "oidc-provider")))
            await RunAsync("npm", "ci --no-audit --no-fund", folder);
        var process = Process.Start(new ProcessStartInfo("node", "server.js")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("node could not be started.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException($"The OIDC provider exited ({(process.HasExited ? process.ExitCode : -1)}) before it listened.");
            if (line.StartsWith('{'))
                return new OidcProvider(process, JsonSerializer.Deserialize<Dictionary<string, string>>(line)!);
        }
    }

    private static async Task RunAsync(string file, string arguments, string folder)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true })!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {arguments} failed in {folder} ({process.ExitCode}).");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AlexaLinkHub.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("The repository root (AlexaLinkHub.sln) was not found above " + AppContext.BaseDirectory);
    }

    private void Stop()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
