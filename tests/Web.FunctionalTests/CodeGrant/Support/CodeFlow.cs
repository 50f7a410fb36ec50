using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Linking;
using AlexaLinkHub.Web.FunctionalTests.Support;
using Microsoft.AspNetCore.WebUtilities;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;

namespace AlexaLinkHub.Web.FunctionalTests.CodeGrant.Support;

/// <summary>The token endpoint's answer, read.</summary>
public sealed record TokenResponse(HttpResponseMessage Response, string Text, JsonElement Body)
{
    public string AccessToken => Body.Str("access_token");
    public string RefreshToken => Body.Str("refresh_token");
    public long ExpiresIn => Body.GetProperty("expires_in").GetInt64();
    public string? Error => Body.TryGetProperty("error", out var error) ? error.GetString() : null;
    public string? ErrorDescription => Body.TryGetProperty("error_description", out var d) ? d.GetString() : null;
}

/// <summary>A PKCE pair (RFC 7636): a 43-character verifier and its S256 challenge.</summary>
public sealed record Pkce(string Verifier, string Challenge)
{
    public static Pkce New()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return new(verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>The authorization code grant as Alexa runs it: the link in a browser ending with <c>?code=</c> at Alexa's
/// redirect URL, then the exchange at the token endpoint, authenticated as the skill.</summary>
public static class CodeFlow
{
    /// <summary>Alexa's redirect URLs for the code grant (no query of their own).</summary>
    public const string Layla = "https://layla.amazon.com/api/skill/link/M2AAAAAAAAAAAA";
    public const string Pitangui = "https://pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA";

    /// <summary>A redirect URL with a query of its own, which must survive the redirect.</summary>
    public const string WithQuery = "https://alexa.amazon.co.jp/api/skill/link/M2AAAAAAAAAAAA?region=fe";

    /// <summary>A code-grant skill with the default access token lifetime (null: the grant type's default).</summary>
    public static readonly SkillSpec Skill = new()
    {
        GrantType = "authorization_code",
        RedirectUrls = [Layla, Pitangui, WithQuery],
        AccessTokenLifetimeSeconds = null,
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<LinkSetup> ArrangeCodeLinkAsync(this HttpClient platform, SkillSpec? skill = null) =>
        platform.ArrangeLinkAsync(skill ?? Skill);

    /// <summary>The authorization request for a code, with a PKCE challenge (and method) when given.</summary>
    public static string CodeUrl(this LinkSetup setup, string state = "xyz", Pkce? pkce = null, string? method = "S256", string? redirectUri = null)
    {
        var url = setup.AuthorizeUrl(state, responseType: "code", redirectUri: redirectUri);
        if (pkce is null)
            return url;
        var parameters = new Dictionary<string, string?> { ["code_challenge"] = pkce.Challenge };
        if (method is not null)
            parameters["code_challenge_method"] = method;
        return QueryHelpers.AddQueryString(url, parameters);
    }

    /// <summary>Links in a fresh browser (login, consent, allow) and returns the code from the redirect's query.</summary>
    public static async Task<string> LinkForCodeAsync(this AlexaLinkHubFactory factory, LinkSetup setup, Pkce? pkce = null, string? redirectUri = null)
    {
        using var browser = LinkFlowClient.Create(factory);
        var response = await browser.LinkAsync(setup.CodeUrl(pkce: pkce, redirectUri: redirectUri), setup.User.Email, setup.User.Password);
        var redirect = LinkAssert.QueryRedirect(response, redirectUri ?? setup.Skill.RedirectUri);
        Assert.Equal("xyz", redirect["state"]);
        return redirect["code"];
    }

    /// <summary><c>grant_type=authorization_code</c> as the skill (HTTP Basic or credentials in the body).</summary>
    public static Task<HttpResponseMessage> RedeemAsync(
        HttpClient http, LinkSetup setup, string code, bool basic = true, string? redirectUri = null, string? verifier = null, RegisteredSkill? asSkill = null)
    {
        var skill = asSkill ?? setup.Skill;
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri ?? setup.Skill.RedirectUri,
        };
        if (verifier is not null)
            form["code_verifier"] = verifier;
        return LinkAssert.PostAsClientAsync(http, TokenPath(setup.Slug), skill.ClientId, skill.ClientSecret, basic, form);
    }

    /// <summary><c>grant_type=refresh_token</c> as <paramref name="skill"/>.</summary>
    public static Task<HttpResponseMessage> RefreshAsync(HttpClient http, RegisteredSkill skill, string refreshToken, bool basic = true) =>
        LinkAssert.PostAsClientAsync(http, TokenPath(skill.Slug), skill.ClientId, skill.ClientSecret, basic, new()
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
        });

    public static string TokenPath(string slug) => $"/t/{slug}/connect/token";

    /// <summary>A 200 with both tokens, <c>token_type=Bearer</c> and <c>Cache-Control: no-store</c>.</summary>
    public static async Task<TokenResponse> TokensAsync(HttpResponseMessage response)
    {
        var tokens = await ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal("Bearer", tokens.Body.Str("token_type"));
        Assert.False(string.IsNullOrEmpty(tokens.AccessToken));
        Assert.False(string.IsNullOrEmpty(tokens.RefreshToken));
        return tokens;
    }

    /// <summary>An OAuth error answer (RFC 6749 §5.2) with the given status and error code, <c>Cache-Control: no-store</c>.</summary>
    public static async Task<TokenResponse> ErrorAsync(HttpResponseMessage response, string error, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var answer = await ReadAsync(response, status);
        Assert.Equal(error, answer.Error);
        Assert.False(answer.Body.TryGetProperty("access_token", out _), answer.Text);
        // The error code and description are the contract; no pointer to a third party's documentation site.
        Assert.False(answer.Body.TryGetProperty("error_uri", out _), answer.Text);
        return answer;
    }

    /// <summary>The OAuth server ended the grant on its own (a replayed code or refresh token): the user's one link reads
    /// revoked with that reason, none of its tokens is valid any more, and the skill is the audited actor.</summary>
    public static async Task AssertLinkEndedAsync(HttpClient platform, LinkSetup setup, string reason)
    {
        var links = await ApiAssert.JsonAsync(await platform.GetAsync($"/api/v1/tenants/{setup.Slug}/users/{setup.User.Id}/links", Ct), HttpStatusCode.OK);
        var link = Assert.Single(links.EnumerateArray());
        Assert.NotEqual(JsonValueKind.Null, link.GetProperty("revokedAt").ValueKind);
        Assert.Equal(reason, link.Str("revokedReason"));
        Assert.All(link.GetProperty("tokens").EnumerateArray(), t => Assert.NotEqual("valid", t.Str("status")));
        var audited = Assert.Single(await LinkAssert.AuditAsync(platform, setup.Slug, "token.revoked"));
        Assert.Equal($"client:{setup.Skill.ClientId}", audited.Str("actor"));
        Assert.StartsWith($"clientId={setup.Skill.ClientId}; linkId={link.GetProperty("id").GetGuid()}; reason={reason}", audited.Str("details"), StringComparison.Ordinal);
    }

    /// <summary>Redeems a fresh code for tokens (the common arrangement of the refresh tests).</summary>
    public static async Task<TokenResponse> LinkForTokensAsync(this AlexaLinkHubFactory factory, HttpClient http, LinkSetup setup)
    {
        var code = await factory.LinkForCodeAsync(setup);
        return await TokensAsync(await RedeemAsync(http, setup, code));
    }

    private static async Task<TokenResponse> ReadAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await ApiAssert.AssertStatusAsync(response, status);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        // RFC 6749 §5.1: every answer holding tokens or credentials is not to be cached; we send it on errors too.
        Assert.True(response.Headers.CacheControl?.NoStore, $"No 'Cache-Control: no-store' on {(int)response.StatusCode}: {response.Headers}");
        using var document = JsonDocument.Parse(text);
        return new TokenResponse(response, text, document.RootElement.Clone());
    }
}
