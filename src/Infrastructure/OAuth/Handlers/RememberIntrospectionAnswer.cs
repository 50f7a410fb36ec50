using System.Security.Claims;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Microsoft.AspNetCore;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AlexaLinkHub.Infrastructure.OAuth.Handlers;

/// <summary>An active answer to the skill that owns the token is kept for the fast path (<see cref="TokenFastPath"/>),
/// exactly as it is about to be written. <see cref="AttachIntrospectionDetails"/> marks the principal it answered for.</summary>
internal sealed class RememberIntrospectionAnswer(TokenAnswerCapture capture) : IOpenIddictServerHandler<ApplyIntrospectionResponseContext>
{
    internal const string OwnedTokenProperty = "alh:owned_access_token";

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyIntrospectionResponseContext>()
            .UseScopedHandler<RememberIntrospectionAnswer>()
            // After the error normalisation, before the JSON is written.
            .SetOrder(OpenIddictServerAspNetCoreHandlers.ProcessJsonResponse<ApplyIntrospectionResponseContext>.Descriptor.Order - 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ApplyIntrospectionResponseContext context)
    {
        if (context.Transaction.Response is not { } response || !string.IsNullOrEmpty(response.Error)
            || (bool?)response[OpenIddictConstants.Claims.Active] is not true
            || context.Transaction.GetProperty<ClaimsPrincipal>(OwnedTokenProperty) is not { } principal
            || context.Transaction.Request?.Token is not { Length: > 0 } token
            || context.Transaction.GetHttpRequest()?.HttpContext is not { } http)
            return;
        await capture.IntrospectionAsync(http, principal, token, response);
    }
}
