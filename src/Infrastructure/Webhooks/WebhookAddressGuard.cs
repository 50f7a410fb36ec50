using System.Net;
using System.Net.Sockets;
using AlexaLinkHub.Application.Webhooks;
using AlexaLinkHub.Domain.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Infrastructure.Webhooks;

/// <summary>A webhook host resolved to an address we do not call.</summary>
public sealed class WebhookAddressRefusedException(string message) : Exception(message);

/// <summary>The SSRF guard of outbound webhook requests. It runs as the connection's <c>ConnectCallback</c>: the host is
/// resolved once, every address it resolves to must be public (loopback too only with <c>Webhooks:AllowLoopback</c>),
/// and the socket connects to exactly those checked addresses — a DNS answer that changes between a check and the
/// connect (DNS rebinding) cannot slip a private address in.</summary>
public sealed class WebhookAddressGuard(IOptions<WebhookOptions> options)
{
    /// <summary>The addresses <paramref name="host"/> may be reached at; throws when any of them is refused.</summary>
    public async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var name = host.Trim('[', ']');
        var addresses = IPAddress.TryParse(name, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(name, cancellationToken);
        if (addresses.Length == 0)
            throw new WebhookAddressRefusedException($"{name} does not resolve to any address.");
        var allowLoopback = options.Value.AllowLoopback;
        foreach (var address in addresses)
        {
            if (!NetworkAddresses.IsAllowed(address, allowLoopback))
                throw new WebhookAddressRefusedException(
                    $"{name} resolves to {address}, a {Describe(NetworkAddresses.Classify(address))} address; webhooks are sent to public addresses only.");
        }
        return addresses;
    }

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAsync(context.DnsEndPoint.Host, cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The guard's refusal inside a failed request's exception chain, if that is why it failed.</summary>
    public static WebhookAddressRefusedException? FindRefusal(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is WebhookAddressRefusedException refused)
                return refused;
        }
        return null;
    }

    /// <summary>An HTTP client for calls to vendors' endpoints: connected through this guard, no redirects followed (a
    /// redirect could point anywhere), no proxy that could bypass the guard, no cookies, and no request logging (URLs
    /// may carry a vendor's token).</summary>
    public static void AddGuardedClient(IServiceCollection services, string name) =>
        services.AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                ConnectTimeout = TimeSpan.FromSeconds(5),
                ConnectCallback = sp.GetRequiredService<WebhookAddressGuard>().ConnectAsync,
            })
            .RemoveAllLoggers();

    private static string Describe(AddressKind kind) => kind == AddressKind.Loopback ? "loopback" : "private, link-local or reserved";
}
