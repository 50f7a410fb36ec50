using System.Security.Claims;
using AlexaLinkHub.Application.Linking;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AlexaLinkHub.Infrastructure.OAuth;

/// <summary>The one place that decides what goes into a token. Access tokens are reference tokens: their payload stays
/// in our database (encrypted) and only the skill that owns one learns its details, through introspection.</summary>
public static class TokenClaims
{
    public const string ExternalId = "external_id";
    public const string Tenant = "tenant";

    /// <summary>The external provider (its name) a link was made through, when it was (docs/decisions/013).</summary>
    public const string IdentityProvider = "idp";

    public static ClaimsPrincipal CreatePrincipal(LinkResult link)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, link.UserId.ToString())
            .SetClaim(Claims.Email, link.Email)
            .SetClaim(Claims.Name, link.DisplayName)
            .SetClaim(Tenant, link.TenantSlug);
        if (!string.IsNullOrEmpty(link.ExternalId))
            identity.SetClaim(ExternalId, link.ExternalId);
        if (!string.IsNullOrEmpty(link.IdentityProvider))
            identity.SetClaim(IdentityProvider, link.IdentityProvider);

        identity.SetScopes(link.Scopes);
        identity.SetAuthorizationId(link.GrantId);
        identity.SetAccessTokenLifetime(link.AccessTokenLifetime);
        identity.SetRefreshTokenLifetime(link.RefreshTokenLifetime);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The skill a token was issued to.</summary>
    public static string? ClientIdOf(ClaimsPrincipal principal) =>
        principal.GetPresenters().FirstOrDefault() ?? principal.GetClaim(Claims.ClientId);
}
