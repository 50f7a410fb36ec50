using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AlexaLinkHub.Infrastructure.OAuth.Handlers;

/// <summary>OpenIddict points every error of the authorization, token, introspection, revocation and userinfo endpoints
/// at its own documentation site (<c>error_uri</c>, also inside <c>WWW-Authenticate</c> and the redirect back to the
/// client). Alexa and skill backends get no use from a third party's page, and it names our stack: the error code and
/// description are the contract.</summary>
internal sealed class StripErrorUri<TContext> : IOpenIddictServerHandler<TContext> where TContext : BaseRequestContext
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<TContext>()
            .UseSingletonHandler<StripErrorUri<TContext>>()
            // Before anything writes the response (status code, WWW-Authenticate, JSON body).
            .SetOrder(int.MinValue + 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(TContext context)
    {
        if (context.Transaction.Response is { } response && !string.IsNullOrEmpty(response.Error))
            response.ErrorUri = null;
        return ValueTask.CompletedTask;
    }
}
