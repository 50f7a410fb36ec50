using AlexaLinkHub.Application.Common.Interfaces;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Web.Hosting;

/// <summary><c>App:PublicBaseUrl</c>, else the first address the server listens on. Never the request's Host header
/// (which a client controls).</summary>
internal sealed class PublicUrls(IOptions<AppOptions> options, IServer server) : IPublicUrls
{
    private Uri? _baseUrl;

    public Uri BaseUrl => _baseUrl ??= Resolve();

    public Uri? ConfiguredBaseUrl => string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? null : BaseUrl;

    private Uri Resolve()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
            return new Uri(options.Value.PublicBaseUrl.TrimEnd('/') + "/", UriKind.Absolute);

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
            return new Uri("http://localhost/");
        // Kestrel reports wildcard bindings as http://[::]:5000 or http://+:5000; name the host a client can use.
        address = address.Replace("://+:", "://localhost:", StringComparison.Ordinal)
            .Replace("://*:", "://localhost:", StringComparison.Ordinal)
            .Replace("://[::]:", "://localhost:", StringComparison.Ordinal)
            .Replace("://0.0.0.0:", "://localhost:", StringComparison.Ordinal);
        return new Uri(address.TrimEnd('/') + "/", UriKind.Absolute);
    }
}
