extern alias CarFu;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AlexaLinkHub.SkillBackend.Tests.Support;

/// <summary>The Car Fu sample (samples/CarFuSkill, its own Program.cs) on real Kestrel at 127.0.0.1:{port}, configured
/// with the same settings its environment would carry.</summary>
public sealed class CarFuHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<CarFu::Program> _factory;

    private CarFuHost(WebApplicationFactory<CarFu::Program> factory, Uri baseUrl)
    {
        _factory = factory;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }
    public IServiceProvider Services => _factory.Services;
    public AlexaLinkHubClient LinkHub => Services.GetRequiredService<AlexaLinkHubClient>();

    public static CarFuHost Start(IReadOnlyDictionary<string, string?> settings, int? port = null)
    {
        var chosen = port ?? TestSupport.LiveApp.FreeLoopbackPort();
        var factory = new WebApplicationFactory<CarFu::Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            foreach (var (key, value) in settings)
                builder.UseSetting(key, value);
            builder.UseSetting("PORT", chosen.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, chosen));
        factory.StartServer();
        return new CarFuHost(factory, new Uri($"http://127.0.0.1:{chosen}/"));
    }

    public HttpClient CreateClient() => new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = BaseUrl };

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
