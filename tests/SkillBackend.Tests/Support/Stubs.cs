using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlexaLinkHub.SkillBackend.Tests.Support;

/// <summary>A real HTTP server on 127.0.0.1 standing in front of AlexaLinkHub during an outage: a load balancer that
/// answers 503, or a hung backend that never answers.</summary>
public sealed class OutageFront : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private int _calls;

    private OutageFront(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = string.Empty;
    public int Calls => Volatile.Read(ref _calls);

    public static Task<OutageFront> Answering503Async() => StartAsync(context =>
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return context.Response.WriteAsync("Service Unavailable");
    });

    public static Task<OutageFront> NeverAnsweringAsync() => StartAsync(null);

    private static async Task<OutageFront> StartAsync(Func<HttpContext, Task>? answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var front = new OutageFront(app);
        app.Run(async context =>
        {
            Interlocked.Increment(ref front._calls);
            if (answer is not null)
            {
                await answer(context);
                return;
            }
            try
            {
                await Task.Delay(Timeout.Infinite, front._stopping.Token);
            }
            catch (OperationCanceledException)
            {
                context.Abort();
            }
        });
        await app.StartAsync();
        front.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return front;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}

/// <summary>The kit as a vendor's host registers it (<c>AddAlexaLinkHub</c>), without a web host around it.</summary>
public static class Kit
{
    public static ServiceProvider Create(Action<AlexaLinkHubOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAlexaLinkHub(configure);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
