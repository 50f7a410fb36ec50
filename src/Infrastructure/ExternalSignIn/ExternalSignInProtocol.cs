using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AlexaLinkHub.Application.ExternalSignIn;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.ExternalSignIn;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AlexaLinkHub.Infrastructure.ExternalSignIn;

/// <summary>The authorization code flow against a provider (OpenID Connect Core §3.1, PKCE RFC 7636), with the
/// protocol layer of Microsoft.IdentityModel — discovery and keys (<see cref="ProviderMetadata"/>), the id_token's
/// validation (<see cref="JsonWebTokenHandler"/>: signature, issuer, audience, lifetime) — and the nonce checked here.
/// The OAuth 2.0 presets (Login with Amazon, Facebook) read their user endpoint instead of an id_token. See
/// docs/decisions/013 for why not the ASP.NET Core handler itself.</summary>
internal sealed class ExternalSignInProtocol(IHttpClientFactory http, ProviderMetadata metadata, IOptions<ExternalSignInOptions> options, ILogger<ExternalSignInProtocol> logger)
    : IExternalSignInProtocol
{
    private static readonly JsonWebTokenHandler s_tokens = new();

    public async Task<string> ResolveAuthorizationEndpointAsync(IdentityProviderType type, string? issuer, CancellationToken cancellationToken)
    {
        var preset = ProviderPresets.Of(type);
        if (!preset.IsOpenIdConnect)
            return preset.AuthorizationEndpoint!;
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await metadata.DiscoverAsync(issuer!, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Discovery of {Issuer} failed: {Reason}", issuer, ex.GetType().Name);
            throw new DomainException($"The provider's discovery document ({issuer}/.well-known/openid-configuration) could not be read within {ProviderMetadata.Timeout.TotalSeconds:0} seconds.", "issuer");
        }
        // OpenID Connect Discovery §4.3: the issuer in the document is exactly the one it was fetched for.
        if (!string.Equals(configuration.Issuer?.TrimEnd('/'), issuer!.TrimEnd('/'), StringComparison.Ordinal) && preset.IssuerTemplate is null)
            throw new DomainException($"The discovery document names the issuer '{configuration.Issuer}', not '{issuer}'.", "issuer");
        if (string.IsNullOrEmpty(configuration.TokenEndpoint))
            throw new DomainException("The discovery document names no token endpoint.", "issuer");
        return ProviderUrl.Validate(configuration.AuthorizationEndpoint, "issuer", options.Value.AllowLoopbackHttp);
    }

    public string AuthorizationUrl(IdentityProvider provider, string redirectUri, ExternalChallenge challenge)
    {
        var preset = ProviderPresets.Of(provider.Type);
        var parameters = new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = provider.ClientId,
            ["redirect_uri"] = redirectUri,
            ["scope"] = string.Join(' ', provider.Scopes),
            ["state"] = challenge.State,
            ["code_challenge"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(challenge.CodeVerifier))),
            ["code_challenge_method"] = "S256",
        };
        if (preset.IsOpenIdConnect)
            parameters["nonce"] = challenge.Nonce;
        if (preset.ResponseMode is { } mode)
            parameters["response_mode"] = mode;
        return QueryHelpers.AddQueryString(provider.AuthorizationEndpoint, parameters);
    }

    public async Task<ExternalAuthentication> RedeemAsync(IdentityProvider provider, string clientSecret, string redirectUri, string code, ExternalChallenge challenge, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProviderMetadata.Timeout);
        try
        {
            var preset = ProviderPresets.Of(provider.Type);
            var configuration = preset.IsOpenIdConnect ? await metadata.GetAsync(provider.Issuer!, timeout.Token) : null;
            var tokenEndpoint = configuration?.TokenEndpoint ?? preset.TokenEndpoint!;
            using var answer = await RedeemCodeAsync(provider, clientSecret, redirectUri, code, challenge, tokenEndpoint, configuration, timeout.Token);
            if (answer.Failure is { } failure)
                return failure;
            var tokens = answer.Document!.RootElement;
            return configuration is null
                ? await ReadUserEndpointAsync(provider, preset, tokens, timeout.Token)
                : await ValidateIdTokenAsync(provider, preset, configuration, tokens, challenge);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or InvalidOperationException or IOException && !cancellationToken.IsCancellationRequested)
        {
            // Unreachable, slow (the timeout), or discovery/keys that cannot be read.
            logger.LogInformation("External sign-in with {Provider} failed: {Reason}", provider.Name, ex.GetType().Name);
            return ExternalAuthentication.Failed(LinkFailureReasons.ExternalUnreachable, ex.GetType().Name);
        }
    }

    private async Task<RedeemAnswer> RedeemCodeAsync(
        IdentityProvider provider, string clientSecret, string redirectUri, string code, ExternalChallenge challenge, string tokenEndpoint,
        OpenIdConnectConfiguration? configuration, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = challenge.CodeVerifier,
            ["client_id"] = provider.ClientId,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, tokenEndpoint);
        // RFC 6749 §2.3.1: HTTP Basic is what every server must accept; the form body where discovery says only that.
        var methods = configuration?.TokenEndpointAuthMethodsSupported;
        if (methods is { Count: > 0 } && !methods.Contains("client_secret_basic") && methods.Contains("client_secret_post"))
            form["client_secret"] = clientSecret;
        else if (configuration is null)
            form["client_secret"] = clientSecret;
        else
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(provider.ClientId)}:{Uri.EscapeDataString(clientSecret)}")));
        request.Content = new FormUrlEncodedContent(form);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await http.CreateClient(ProviderMetadata.ClientName).SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonDocument? document = null;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return new RedeemAnswer(null, ExternalAuthentication.Failed(LinkFailureReasons.ExternalProviderError, $"token endpoint answered {(int)response.StatusCode}, not JSON"));
        }
        if (!response.IsSuccessStatusCode)
        {
            var error = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var e) ? e.GetString() : null;
            document.Dispose();
            return new RedeemAnswer(null, ExternalAuthentication.Failed(LinkFailureReasons.ExternalProviderError, $"token endpoint: {(int)response.StatusCode} {Short(error)}"));
        }
        return new RedeemAnswer(document, null);
    }

    private async Task<ExternalAuthentication> ValidateIdTokenAsync(
        IdentityProvider provider, ProviderPreset preset, OpenIdConnectConfiguration configuration, JsonElement tokens, ExternalChallenge challenge)
    {
        if (!tokens.TryGetProperty("id_token", out var idTokenElement) || idTokenElement.GetString() is not { Length: > 0 } idToken)
            return ExternalAuthentication.Failed(LinkFailureReasons.ExternalInvalidToken, "no id_token");

        var result = await s_tokens.ValidateTokenAsync(idToken, Parameters(provider, preset, configuration));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // A key we have not seen: the provider may have rotated its keys (OIDC Core §10.1.1). Fetch them once more.
            metadata.RequestRefresh(provider.Issuer!);
            configuration = await metadata.GetAsync(provider.Issuer!, CancellationToken.None);
            result = await s_tokens.ValidateTokenAsync(idToken, Parameters(provider, preset, configuration));
        }
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
            return ExternalAuthentication.Failed(LinkFailureReasons.ExternalInvalidToken, result.Exception?.GetType().Name);

        // OIDC Core §3.1.3.7 (11): the nonce is the one this attempt sent.
        if (!token.TryGetPayloadValue<string>("nonce", out var nonce) || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(nonce), Encoding.UTF8.GetBytes(challenge.Nonce)))
            return ExternalAuthentication.Failed(LinkFailureReasons.ExternalBadNonce);

        using var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(token.EncodedPayload));
        var identity = ExternalClaims.Map(provider.Type, payload.RootElement);
        return identity is null ? ExternalAuthentication.Failed(LinkFailureReasons.ExternalInvalidToken, "no subject") : new ExternalAuthentication(identity, null);
    }

    private static TokenValidationParameters Parameters(IdentityProvider provider, ProviderPreset preset, OpenIdConnectConfiguration configuration)
    {
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = provider.ClientId,
            IssuerSigningKeys = configuration.SigningKeys,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(2),
        };
        if (preset.IssuerTemplate is { } template)
        {
            // Microsoft's "common" endpoint: the issuer names the user's directory (the token's tid claim).
            parameters.IssuerValidator = (issuer, token, validation) =>
                token is JsonWebToken jwt && jwt.TryGetPayloadValue<string>("tid", out var tid) && Guid.TryParse(tid, out var directory) && directory != Guid.Empty
                && string.Equals(issuer, template.Replace("{tenantid}", tid, StringComparison.Ordinal), StringComparison.Ordinal)
                    ? issuer
                    : throw new SecurityTokenInvalidIssuerException("The issuer does not name the token's directory.");
        }
        return parameters;
    }

    private async Task<ExternalAuthentication> ReadUserEndpointAsync(IdentityProvider provider, ProviderPreset preset, JsonElement tokens, CancellationToken cancellationToken)
    {
        if (!tokens.TryGetProperty("access_token", out var accessToken) || accessToken.GetString() is not { Length: > 0 } token)
            return ExternalAuthentication.Failed(LinkFailureReasons.ExternalProviderError, "no access_token");
        using var request = new HttpRequestMessage(HttpMethod.Get, preset.UserEndpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.CreateClient(ProviderMetadata.ClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
            return ExternalAuthentication.Failed(LinkFailureReasons.ExternalProviderError, $"user endpoint: {(int)response.StatusCode}");
        using var profile = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var identity = ExternalClaims.Map(provider.Type, profile.RootElement);
        return identity is null ? ExternalAuthentication.Failed(LinkFailureReasons.ExternalProviderError, "no user id") : new ExternalAuthentication(identity, null);
    }

    private static string? Short(string? value) => value is { Length: > 60 } ? value[..60] : value;

    private sealed record RedeemAnswer(JsonDocument? Document, ExternalAuthentication? Failure) : IDisposable
    {
        public void Dispose() => Document?.Dispose();
    }
}
