using AlexaLinkHub.Application.Common.OAuth;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Infrastructure.OAuth;
using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AlexaLinkHub.Web.OAuth;

/// <summary>The userinfo endpoint for skill backends: <c>Authorization: Bearer &lt;access token&gt;</c> → who the user
/// is. OpenIddict has already validated the token (an invalid one never reaches here: 401 with
/// <c>WWW-Authenticate: Bearer error="invalid_token"</c>).</summary>
internal static class UserInfoEndpoint
{
    public static void MapUserInfo(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapMethods("/" + OAuthEndpoints.UserInfo, [HttpMethods.Get, HttpMethods.Post], HandleAsync).ExcludeFromDescription();

    private static async Task<IResult> HandleAsync(HttpContext context, ISender sender, TokenAnswerCapture capture, IOptions<JsonOptions> json)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var principal = result.Principal;
        if (principal is null || !Guid.TryParse(principal.GetClaim(Claims.Subject), out var userId))
            return InvalidToken();

        var info = await sender.Send(new GetUserInfo(userId, principal.GetScopes().ToList()), context.RequestAborted);
        if (info is null)
            return InvalidToken();

        var body = new Dictionary<string, object?>
        {
            [Claims.Subject] = info.Sub,
            [Claims.Email] = info.Email,
            [Claims.Name] = info.Name,
            [TokenClaims.Tenant] = info.Tenant,
            [Claims.Scope] = string.Join(' ', info.Scopes),
        };
        if (info.ExternalId is not null)
            body[TokenClaims.ExternalId] = info.ExternalId;
        // The provider of this link (the token's, not the user's: a user may link one skill each way).
        if (principal.GetClaim(TokenClaims.IdentityProvider) is { Length: > 0 } identityProvider)
            body[TokenClaims.IdentityProvider] = identityProvider;
        // Written as bytes the fast path can send again for the same token (TokenFastPath), headers included.
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, json.Value.SerializerOptions);
        await capture.UserInfoAsync(context, principal, bytes);
        await TokenFastPath.WriteUserInfoAsync(context, bytes);
        return Results.Empty;
    }

    private static IResult InvalidToken() =>
        Results.Challenge(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The access token is no longer valid.",
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
