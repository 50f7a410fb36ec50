using AlexaLinkHub.Infrastructure.Persistence;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AlexaLinkHub.Infrastructure.OAuth.Handlers;

/// <summary>A token stops working the moment its user or its skill is disabled — and works again if they are enabled
/// again (nothing is revoked). The skill is asked for as a client (the client store, where a disabled skill is unknown;
/// at introspection it is already in the request's cache from authenticating the caller), the user by its key — usually
/// already read with the token (<see cref="TokenStore"/>), else one indexed lookup. (A suspended tenant never gets this far: its whole prefix answers 404.)</summary>
internal sealed class RejectInactiveSubjects(AppDbContext db, IOpenIddictApplicationManager applications) : IOpenIddictServerHandler<ProcessAuthenticationContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .UseScopedHandler<RejectInactiveSubjects>()
            .SetOrder(OpenIddictServerHandlers.ValidateUserCode.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        var principal = context.AccessTokenPrincipal ?? context.GenericTokenPrincipal ?? context.RefreshTokenPrincipal ?? context.AuthorizationCodePrincipal;
        if (principal is null)
            return;
        var clientId = TokenClaims.ClientIdOf(principal);
        if (!Guid.TryParse(principal.GetClaim(Claims.Subject), out var userId) || string.IsNullOrEmpty(clientId))
            return;

        var active = await applications.FindByClientIdAsync(clientId, context.CancellationToken) is not null
            && await db.EndUsers.FindAsync([userId], context.CancellationToken) is { Enabled: true };
        if (!active)
        {
            context.Reject(
                error: context.EndpointType == OpenIddictServerEndpointType.Token ? Errors.InvalidGrant : Errors.InvalidToken,
                description: "The token is no longer valid.");
        }
    }
}
