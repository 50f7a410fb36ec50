using System.Security.Claims;
using System.Text.Encodings.Web;
using AlexaLinkHub.Application.ApiKeys;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Admins;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AlexaLinkHub.Web.Api;

/// <summary><c>Authorization: Bearer &lt;api key&gt;</c> for the admin API.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ISender sender) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
            return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.Fail("Use 'Authorization: Bearer <api key>'.");

        var identity = await sender.Send(new AuthenticateApiKey(header["Bearer ".Length..].Trim()), Context.RequestAborted);
        if (identity is null)
            return AuthenticateResult.Fail("Unknown or revoked API key.");

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, identity.KeyId.ToString()),
            new(SessionClaims.KeyPrefix, identity.Prefix),
            new(SessionClaims.Role, identity.Role),
        };
        claims.Add(identity.TenantId is { } tenantId ? new Claim(SessionClaims.Tenant, tenantId.ToString()) : new Claim(SessionClaims.PlatformKey, "true"));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>Who an authenticated key is, for the application layer: the key's public prefix and its reach.</summary>
    public static Actor ActorOf(AuthenticateResult result, string? sourceIp)
    {
        if (!result.Succeeded)
            return Actor.Anonymous(sourceIp);
        var tenant = result.Principal.FindFirstValue(SessionClaims.Tenant);
        return Actor.ApiKey(result.Principal.FindFirstValue(SessionClaims.KeyPrefix)!, tenant is null ? null : Guid.Parse(tenant), sourceIp,
            AdminRoles.Parse(result.Principal.FindFirstValue(SessionClaims.Role)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        await Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized",
            detail: "An API key is required: send 'Authorization: Bearer <api key>'.").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden").ExecuteAsync(Context);
}
