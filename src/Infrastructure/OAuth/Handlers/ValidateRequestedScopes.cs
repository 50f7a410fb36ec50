using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AlexaLinkHub.Infrastructure.OAuth.Handlers;

/// <summary>Scopes belong to the skill (stored as its <c>scp:</c> permissions): a scope the skill did not register is
/// <c>invalid_scope</c> (RFC 6749 §4.2.2.1), which OpenIddict's own check would report as <c>invalid_request</c>.</summary>
internal sealed class ValidateRequestedScopes(IOpenIddictApplicationManager applications) : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
            .UseScopedHandler<ValidateRequestedScopes>()
            .SetOrder(OpenIddictServerHandlers.Authentication.ValidateScopePermissions.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        var application = await applications.FindByClientIdAsync(context.ClientId!);
        if (application is null)
            return; // OpenIddict has already rejected the client.
        foreach (var scope in context.Request.GetScopes())
        {
            if (!await applications.HasPermissionAsync(application, Permissions.Prefixes.Scope + scope))
            {
                context.Reject(Errors.InvalidScope, $"The scope '{scope}' is not defined for this skill.");
                return;
            }
        }
    }
}
