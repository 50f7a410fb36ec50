using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AlexaLinkHub.Infrastructure.OAuth.Handlers;

/// <summary>Alexa never asks for <c>offline_access</c>, yet a code-grant skill needs a refresh token or its users are
/// unlinked when the first access token expires. So every code exchange and every refresh issues one (OpenIddict
/// would only do so for <c>offline_access</c>). Refresh tokens rotate on use, with a short reuse leeway for a retry after
/// a lost response (<c>OAuth:RefreshTokenReuseLeeway</c>).</summary>
internal sealed class IssueRefreshTokens : IOpenIddictServerHandler<ProcessSignInContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
            .UseSingletonHandler<IssueRefreshTokens>()
            // After OpenIddict decides which tokens to generate, before the authorization and tokens are created.
            .SetOrder(OpenIddictServerHandlers.EvaluateGeneratedTokens.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessSignInContext context)
    {
        if (context.EndpointType == OpenIddictServerEndpointType.Token &&
            (context.Request.IsAuthorizationCodeGrantType() || context.Request.IsRefreshTokenGrantType()))
        {
            context.GenerateRefreshToken = true;
            context.IncludeRefreshToken = true;
        }
        return ValueTask.CompletedTask;
    }
}
