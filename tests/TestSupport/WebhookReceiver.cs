using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlexaLinkHub.TestSupport;

/// <summary>One request a <see cref="WebhookReceiver"/> got, as sent.</summary>
public sealed record ReceivedWebhook(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"No '{name}' header; got {string.Join(", ", Headers.Keys)}.");
}

/// <summary>A vendor's webhook (or legacy sign-in) endpoint: a real HTTP server (Kestrel) on 127.0.0.1 and a free port.
/// It records every request and answers 204, or what was queued (a status, a JSON answer, a redirect, or no answer).</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ReceivedWebhook> _inbox = Channel.CreateUnbounded<ReceivedWebhook>();
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _answers = new();
    private readonly ConcurrentQueue<ReceivedWebhook> _all = new();
    private readonly CancellationTokenSource _stopping = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary><c>http://127.0.0.1:{port}</c>, no trailing slash.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Every request received so far, in order.</summary>
    public IReadOnlyList<ReceivedWebhook> Received => _all.ToList();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseUrl = address.TrimEnd('/');
        return receiver;
    }

    public string Url(string path = "/hook") => BaseUrl + path;

    /// <summary>Queues the answers to the next requests, in order: a status code each. Later requests get 204.</summary>
    public void Answer(params int[] statuses)
    {
        foreach (var status in statuses)
            _answers.Enqueue(context => { context.Response.StatusCode = status; return Task.CompletedTask; });
    }

    /// <summary>The next request is answered with <paramref name="status"/> and a JSON body.</summary>
    public void AnswerJson(int status, string json) =>
        _answers.Enqueue(async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json);
        });

    /// <summary>The next request is answered with a redirect to <paramref name="location"/>.</summary>
    public void AnswerRedirect(string location) =>
        _answers.Enqueue(context => { context.Response.StatusCode = StatusCodes.Status302Found; context.Response.Headers.Location = location; return Task.CompletedTask; });

    /// <summary>The next request gets no answer until the receiver stops (a timeout for the sender).</summary>
    public void AnswerNever() =>
        _answers.Enqueue(async context =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                context.Abort();
            }
        });

    /// <summary>The next request received (from now or already waiting), or a failure after <paramref name="timeout"/>.</summary>
    public async Task<ReceivedWebhook> NextAsync(TimeSpan? timeout = null)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(TestContextToken());
        wait.CancelAfter(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            return await _inbox.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No webhook arrived at {BaseUrl} within {(timeout ?? TimeSpan.FromSeconds(30)).TotalSeconds} s ({_all.Count} received before).");
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var received = new ReceivedWebhook(context.Request.Method, context.Request.Path + context.Request.QueryString, headers, body);
        _all.Enqueue(received);
        _inbox.Writer.TryWrite(received);
        if (_answers.TryDequeue(out var answer))
            await answer(context);
        else
            context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static CancellationToken TestContextToken() => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
