using AlexaLinkHub.Application.Linking;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AlexaLinkHub.Infrastructure.OAuth.Handlers;

/// <summary>RFC 7009 revocation by the skill (what a vendor calls on Alexa's SkillDisabled event) ends the whole link:
/// its other tokens are revoked too, the link is marked revoked and the event is audited.</summary>
internal sealed class EndLinkOnClientRevocation(ClientActorScope client) : IOpenIddictServerHandler<HandleRevocationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleRevocationRequestContext>()
            .UseScopedHandler<EndLinkOnClientRevocation>()
            .SetOrder(OpenIddictServerHandlers.Revocation.RevokeToken.Descriptor.Order + 1000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(HandleRevocationRequestContext context)
    {
        if (context.IsRejected || context.GenericTokenPrincipal?.GetAuthorizationId() is not { Length: > 0 } grantId)
            return;
        await client.SendAsync(context.Transaction, new EndLinkOfGrant(grantId, Domain.Links.LinkRevocationReasons.ClientRevocation), context.CancellationToken);
    }
}
