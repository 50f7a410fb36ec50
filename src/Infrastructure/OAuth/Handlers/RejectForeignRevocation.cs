using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AlexaLinkHub.Infrastructure.OAuth.Handlers;

/// <summary>RFC 7009 §2.1: the server "verifies whether the token was issued to the client making the revocation
/// request". OpenIddict checks that only for a token that names an audience, and ours name none — so any skill of the
/// tenant could revoke another skill's links. A token of another skill is treated as invalid: answered 200, nothing
/// revoked (RFC 7009 §2.2).</summary>
internal sealed class RejectForeignRevocation : IOpenIddictServerHandler<ValidateRevocationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateRevocationRequestContext>()
            .UseSingletonHandler<RejectForeignRevocation>()
            .SetOrder(OpenIddictServerHandlers.Revocation.ValidateAuthorizedParty.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateRevocationRequestContext context)
    {
        if (context.GenericTokenPrincipal is { } principal && !string.IsNullOrEmpty(context.ClientId)
            && !string.Equals(TokenClaims.ClientIdOf(principal), context.ClientId, StringComparison.Ordinal))
        {
            context.Reject(Errors.InvalidToken, "The token was not issued to this client.");
        }
        return ValueTask.CompletedTask;
    }
}
