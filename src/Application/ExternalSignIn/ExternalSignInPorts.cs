using AlexaLinkHub.Domain.ExternalSignIn;

namespace AlexaLinkHub.Application.ExternalSignIn;

/// <summary>The tenant's external providers (tenant in scope).</summary>
public interface IIdentityProviderRepository
{
    Task<IReadOnlyList<IdentityProvider>> ListAsync(CancellationToken cancellationToken);

    Task<IdentityProvider?> FindByNameAsync(string name, CancellationToken cancellationToken);

    void Add(IdentityProvider provider);

    /// <summary>Removes the provider and the identities connected through it.</summary>
    Task RemoveAsync(IdentityProvider provider, CancellationToken cancellationToken);
}

/// <summary>External identities of the tenant's end users.</summary>
public interface IExternalLoginRepository
{
    Task<ExternalLogin?> FindAsync(Guid providerId, string subject, CancellationToken cancellationToken);

    Task<IReadOnlyList<ExternalLogin>> ListOfUserAsync(Guid userId, CancellationToken cancellationToken);

    void Add(ExternalLogin login);

    void Remove(ExternalLogin login);
}

/// <summary>Encrypts providers' client secrets with the data-protection key ring (shared by every instance).</summary>
public interface IProviderSecretProtector
{
    string Protect(string secret);

    string Unprotect(string protectedSecret);
}

/// <summary>The random values of one sign-in attempt: <c>state</c> (RFC 6749 §10.12), <c>nonce</c> (OIDC Core §3.1.2.1)
/// and the PKCE verifier (RFC 7636). They travel in a protected cookie of the tenant's path, never in the URL
/// (except the state).</summary>
public sealed record ExternalChallenge(string State, string Nonce, string CodeVerifier);

/// <summary>Who the provider says the user is, mapped to our terms.</summary>
public sealed record ExternalIdentity(string Subject, string? Email, bool EmailVerified, string? Name);

/// <summary>The result of redeeming the code: an identity, or why not (a <see cref="Linking.LinkFailureReasons"/> value).</summary>
public sealed record ExternalAuthentication(ExternalIdentity? Identity, string? FailureReason, string? FailureDetail = null)
{
    public static ExternalAuthentication Failed(string reason, string? detail = null) => new(null, reason, detail);
}

/// <summary>The protocol side (OpenID Connect / OAuth 2.0 against the provider): discovery, the authorization URL, the
/// code exchange and the id_token's validation. Every call is bounded by a timeout; an unreachable or misbehaving
/// provider is a failure reason, never an exception.</summary>
public interface IExternalSignInProtocol
{
    /// <summary>The authorization endpoint of a provider about to be saved: discovery for OpenID Connect providers (which
    /// proves the issuer is reachable and names itself), the preset's address otherwise. Throws a
    /// <see cref="Domain.Common.DomainException"/> on the issuer field when discovery fails.</summary>
    Task<string> ResolveAuthorizationEndpointAsync(IdentityProviderType type, string? issuer, CancellationToken cancellationToken);

    /// <summary>Where to send the browser.</summary>
    string AuthorizationUrl(IdentityProvider provider, string redirectUri, ExternalChallenge challenge);

    /// <summary>Redeems the authorization code and validates what comes back (signature, issuer, audience, lifetime,
    /// nonce), or reads the user endpoint of an OAuth 2.0 preset.</summary>
    Task<ExternalAuthentication> RedeemAsync(IdentityProvider provider, string clientSecret, string redirectUri, string code, ExternalChallenge challenge, CancellationToken cancellationToken);
}

/// <summary>Which http addresses a provider may have: plain http on loopback only in Development (for the tests' provider).</summary>
public sealed class ExternalSignInOptions
{
    public bool AllowLoopbackHttp { get; set; }
}
