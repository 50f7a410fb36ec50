using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using AlexaLinkHub.Application.Common.Tenancy;
using Microsoft.AspNetCore.Http;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AlexaLinkHub.Infrastructure.OAuth;

/// <summary>Leaves the OAuth server's answer about an active access token in <see cref="TokenAnswers"/>, together with
/// everything it depends on, read from the validated token: its id, grant, user, expiry and client (whose skill the
/// request has already read).</summary>
public sealed class TokenAnswerCapture(TokenAnswers answers, ITenantContext tenant, IOpenIddictApplicationManager applications)
{
    /// <summary>The introspection response as OpenIddict writes it (indented, relaxed escaping), for the owner only.</summary>
    internal async ValueTask IntrospectionAsync(HttpContext context, ClaimsPrincipal principal, string token, OpenIddictResponse response)
    {
        using var stream = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true }))
            response.WriteTo(writer);
        await RememberAsync(answers.Introspection, context, principal, token, stream.ToArray());
    }

    public ValueTask UserInfoAsync(HttpContext context, ClaimsPrincipal principal, byte[] body)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? RememberAsync(answers.UserInfo, context, principal, header[7..], body)
            : ValueTask.CompletedTask;
    }

    private async ValueTask RememberAsync(TokenAnswers.AnswerCache cache, HttpContext context, ClaimsPrincipal principal, string token, byte[] body)
    {
        if (context.Items[TokenFastPath.ReadAtItem] is not long readAt || tenant.TenantId is not { } tenantId
            || !principal.HasTokenType(TokenTypeIdentifiers.AccessToken)
            || !Guid.TryParse(principal.GetTokenId(), out var tokenId) || !Guid.TryParse(principal.GetAuthorizationId(), out var grantId)
            || !Guid.TryParse(principal.GetClaim(Claims.Subject), out var userId)
            || principal.GetExpirationDate() is not { } expires || TokenClaims.ClientIdOf(principal) is not { } clientId
            || TokenAnswers.Key.Of(tenantId, token) is not { } key)
            return;
        // The request has read this client already (authentication, RejectInactiveSubjects): the unit of work has it.
        if (await applications.FindByClientIdAsync(clientId, context.RequestAborted) is not OAuthApplication { Id: var skillId })
            return;
        cache.Remember(key, new TokenAnswers.Answer(clientId, skillId, tokenId, grantId, userId, tenantId, expires,
            TokenFastPath.OriginOf(context.Request), readAt, body));
    }
}
