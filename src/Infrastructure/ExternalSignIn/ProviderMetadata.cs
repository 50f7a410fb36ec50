using System.Collections.Concurrent;
using AlexaLinkHub.Application.ExternalSignIn;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace AlexaLinkHub.Infrastructure.ExternalSignIn;

/// <summary>Providers' discovery documents and signing keys, per issuer, through Microsoft.IdentityModel's
/// <see cref="ConfigurationManager{T}"/> (cached, refreshed automatically, and on demand when a token names a key it does
/// not know: key rotation). This is the provider's own data, keyed by its issuer; our registration of it (client id,
/// secret, enabled) is read from the database on every sign-in, so no cache of ours needs invalidating across instances.</summary>
public sealed class ProviderMetadata(IHttpClientFactory http, IOptions<ExternalSignInOptions> options)
{
    public const string ClientName = "external-identity-providers";

    /// <summary>Every call to a provider (discovery, keys, token, user endpoint) gives up after this.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> _managers = new(StringComparer.Ordinal);

    public Task<OpenIdConnectConfiguration> GetAsync(string issuer, CancellationToken cancellationToken) =>
        _managers.GetOrAdd(issuer, Create).GetConfigurationAsync(cancellationToken);

    /// <summary>Reads the document afresh (a provider being saved), and keeps it for the sign-ins that follow.</summary>
    public async Task<OpenIdConnectConfiguration> DiscoverAsync(string issuer, CancellationToken cancellationToken)
    {
        var manager = Create(issuer);
        var configuration = await manager.GetConfigurationAsync(cancellationToken);
        _managers[issuer] = manager;
        return configuration;
    }

    /// <summary>The keys may have rotated: the next read fetches them again (at most once every five minutes).</summary>
    public void RequestRefresh(string issuer)
    {
        if (_managers.TryGetValue(issuer, out var manager))
            manager.RequestRefresh();
    }

    private ConfigurationManager<OpenIdConnectConfiguration> Create(string issuer) =>
        new(issuer.TrimEnd('/') + "/.well-known/openid-configuration",
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(http.CreateClient(ClientName)) { RequireHttps = !options.Value.AllowLoopbackHttp });
}
