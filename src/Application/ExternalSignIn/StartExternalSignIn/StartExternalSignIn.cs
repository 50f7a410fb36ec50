using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Application.Common.Tenancy;
using Mediator;

namespace AlexaLinkHub.Application.ExternalSignIn;

/// <summary>"Continue with {provider}": the address to send the browser to, and the random values the callback must
/// find again (state, nonce, PKCE verifier). Null for an unknown or disabled provider of the tenant in scope.</summary>
public sealed record StartExternalSignIn(string Provider) : IQuery<ExternalSignInStart?>, ITenantPublicRequest;

public sealed record ExternalSignInStart(string AuthorizationUrl, ExternalChallenge Challenge);

public sealed class StartExternalSignInHandler(IIdentityProviderRepository providers, IExternalSignInProtocol protocol, IPublicUrls urls, ITenantContext scope)
    : IQueryHandler<StartExternalSignIn, ExternalSignInStart?>
{
    public async ValueTask<ExternalSignInStart?> Handle(StartExternalSignIn query, CancellationToken cancellationToken)
    {
        var provider = await providers.FindByNameAsync(query.Provider, cancellationToken);
        if (provider is not { Enabled: true })
            return null;
        // Unguessable state and nonce, and a PKCE verifier of 43 characters (RFC 7636 §4.1).
        var challenge = new ExternalChallenge(SecretTokens.NewRandom(), SecretTokens.NewRandom(), SecretTokens.NewRandom());
        var redirectUri = urls.TenantUrl(scope.TenantSlug!, TenantPaths.ExternalCallback(provider.Name));
        return new ExternalSignInStart(protocol.AuthorizationUrl(provider, redirectUri, challenge), challenge);
    }
}
