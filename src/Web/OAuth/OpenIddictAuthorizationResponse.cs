using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Infrastructure.OAuth;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;

namespace AlexaLinkHub.Web.OAuth;

/// <summary>Answers the authorization request of the current HTTP request: OpenIddict issues the token (or code) under the
/// link's grant — storing it through the request's DbContext, inside <see cref="LinkAccount"/>'s transaction — and
/// writes the redirect to the client. A refusal is an exception, so the transaction rolls back and nothing is kept.</summary>
internal sealed class OpenIddictAuthorizationResponse(IHttpContextAccessor accessor) : IAuthorizationResponse
{
    public async Task IssueAsync(LinkResult link, CancellationToken cancellationToken)
    {
        var context = accessor.HttpContext;
        if (context is null || context.GetOpenIddictServerEndpointType() != OpenIddictServerEndpointType.Authorization)
            throw new InvalidOperationException("A link is made in answer to an authorization request.");
        await context.SignInAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, TokenClaims.CreatePrincipal(link));
        if (context.GetOpenIddictServerResponse() is { Error: { Length: > 0 } error })
            throw new InvalidOperationException($"The OAuth server refused to issue the link's token: {error}.");
    }
}
