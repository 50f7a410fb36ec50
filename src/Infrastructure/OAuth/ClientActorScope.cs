using AlexaLinkHub.Application.Common.Tenancy;
using Mediator;
using Microsoft.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Server;

namespace AlexaLinkHub.Infrastructure.OAuth;

/// <summary>What the OAuth server does on its own for a client it has authenticated — ending the link of a grant the
/// client revoked or replayed — is done as that client: in a DI scope of its own, whose actor is set once to the client
/// (the request's own actor, set before the client was known, stays as it is), in the tenant of the request.</summary>
internal sealed class ClientActorScope(IServiceScopeFactory scopes, ITenantContext tenant)
{
    public async Task SendAsync(OpenIddictServerTransaction transaction, ICommand command, CancellationToken cancellationToken)
    {
        var clientId = transaction.Request?.ClientId ?? throw new InvalidOperationException("The OAuth request names no client.");
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<ActorContext>().Set(Actor.Client(clientId, transaction.GetHttpRequest()?.HttpContext.Connection.RemoteIpAddress?.ToString()));
        services.GetRequiredService<TenantContext>().EnterTenant(tenant.RequiredTenantId, tenant.TenantSlug!);
        await services.GetRequiredService<ISender>().Send(command, cancellationToken);
    }
}
