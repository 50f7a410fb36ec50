using AlexaLinkHub.Infrastructure.OAuth;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AlexaLinkHub.Infrastructure.OAuth.Handlers;

/// <summary>RFC 7662 for the skill that owns the token: OpenIddict tells a presenter only the token's metadata, but the
/// skill backend needs the granted <c>scope</c>, who the user is (<c>email</c>, <c>name</c>, as at link time) and the
/// vendor's own user id (<c>external_id</c>) on every request, without a second call to userinfo.
/// Any other caller learns nothing: OpenIddict only hides a token from a client that is neither its presenter nor its
/// audience when the token names an audience, and ours name none.</summary>
internal sealed class AttachIntrospectionDetails : IOpenIddictServerHandler<HandleIntrospectionRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleIntrospectionRequestContext>()
            .UseSingletonHandler<AttachIntrospectionDetails>()
            .SetOrder(OpenIddictServerHandlers.Introspection.AttachApplicationClaims.Descriptor.Order + 1000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleIntrospectionRequestContext context)
    {
        var principal = context.GenericTokenPrincipal;
        if (principal is null)
            return ValueTask.CompletedTask;
        if (!string.Equals(TokenClaims.ClientIdOf(principal), context.Request.ClientId, StringComparison.Ordinal))
        {
            // Any token type of another skill (access or refresh): invalid_token is answered as just {"active":false}
            // (RFC 7662 §2.2).
            context.Reject(Errors.InvalidToken, "The token was not issued to this client.");
            return ValueTask.CompletedTask;
        }
        if (!principal.HasTokenType(TokenTypeIdentifiers.AccessToken))
            return ValueTask.CompletedTask;
        context.Transaction.SetProperty(RememberIntrospectionAnswer.OwnedTokenProperty, principal);

        context.Scopes.UnionWith(principal.GetScopes());
        foreach (var claim in (string[])[Claims.Email, Claims.Name])
        {
            if (principal.GetClaim(claim) is { Length: > 0 } value)
                context.Claims[claim] = value;
        }
        foreach (var claim in (string[])[TokenClaims.ExternalId, TokenClaims.IdentityProvider])
        {
            if (principal.GetClaim(claim) is { Length: > 0 } value)
                context.Claims[claim] = value;
        }
        if (principal.GetClaim(TokenClaims.Tenant) is { Length: > 0 } tenant)
            context.Claims[TokenClaims.Tenant] = tenant;
        return ValueTask.CompletedTask;
    }
}
