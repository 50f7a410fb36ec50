using AlexaLinkHub.Application.Common.Interfaces;
using Microsoft.AspNetCore;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AlexaLinkHub.Infrastructure.OAuth.Handlers;

/// <summary>With <c>App:PublicBaseUrl</c> configured, a tenant's issuer is <c>{App:PublicBaseUrl}/t/{slug}</c> whatever
/// host the request arrived on — the load balancer's name, an instance's own address — so a token issued through one
/// is valid at every other (RFC 8414 §2: one issuer identifier per server). OpenIddict derives the issuer, the endpoint
/// URIs of the discovery document and the request URI it matches endpoints against from the request; this rebases all
/// three on the public address right after it resolves them. Without the setting the request decides, as before.</summary>
internal sealed class IssuerFromPublicBaseUrl(IPublicUrls urls) : IOpenIddictServerHandler<ProcessRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessRequestContext>()
            .UseSingletonHandler<IssuerFromPublicBaseUrl>()
            .SetOrder(OpenIddictServerAspNetCoreHandlers.ResolveRequestUri.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessRequestContext context)
    {
        if (urls.ConfiguredBaseUrl is not { } publicBase || context.Transaction.GetHttpRequest() is not { } request)
            return ValueTask.CompletedTask;
        // PathBase is the tenant prefix (/t/{slug}) set by the tenant middleware.
        var root = publicBase.GetLeftPart(UriPartial.Authority) + publicBase.AbsolutePath.TrimEnd('/');
        context.BaseUri = new Uri(root + request.PathBase.ToUriComponent(), UriKind.Absolute);
        context.RequestUri = new Uri(root + (request.PathBase + request.Path).ToUriComponent() + request.QueryString.ToUriComponent(), UriKind.Absolute);
        return ValueTask.CompletedTask;
    }
}
