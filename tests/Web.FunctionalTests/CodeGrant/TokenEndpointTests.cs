using System.Net;
using System.Security.Cryptography;
using System.Text;
using AlexaLinkHub.Infrastructure.OAuth;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Linking;
using AlexaLinkHub.Web.FunctionalTests.Support;
using Microsoft.EntityFrameworkCore;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;
using AlexaLinkHub.Web.FunctionalTests.CodeGrant.Support;

namespace AlexaLinkHub.Web.FunctionalTests.CodeGrant;

/// <summary>The code exchange (RFC 6749 §4.1.3/§4.1.4) as Alexa makes it: the skill authenticated by HTTP Basic or by
/// credentials in the body (the two "Client Authentication Scheme"s of the Alexa console), a code bound to its skill
/// and redirect URI and redeemable once, every answer <c>Cache-Control: no-store</c>.</summary>
public sealed class TokenEndpointTests(CodeGrantFixture app) : IClassFixture<CodeGrantFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Http => app.Platform;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Redeem_HttpBasicOrCredentialsInTheBody_ReturnsBearerAccessAndRefreshToken(bool basic)
    {
        var setup = await Http.ArrangeCodeLinkAsync();
        var code = await app.Factory.LinkForCodeAsync(setup);

        var tokens = await CodeFlow.TokensAsync(await CodeFlow.RedeemAsync(Http, setup, code, basic));

        // The authorization request asked for no offline_access (Alexa never does), yet a refresh token comes back.
        Assert.Equal(["access_token", "expires_in", "refresh_token", "scope", "token_type"], ApiAssert.PropertyNames(tokens.Body).Order(StringComparer.Ordinal));
        Assert.Equal(3600, tokens.ExpiresIn);
        Assert.Equal("order_car basic_profile", tokens.Body.Str("scope"));
        Assert.NotEqual(tokens.AccessToken, tokens.RefreshToken);
        var introspection = await LinkAssert.IntrospectAsync(Http, setup.Slug, setup.Skill.ClientId, setup.Skill.ClientSecret, tokens.AccessToken);
        Assert.True(introspection.GetProperty("active").GetBoolean());
        Assert.Equal(setup.User.Id.ToString(), introspection.Str("sub"));
        Assert.Equal("crm-42", introspection.Str("external_id"));
        Assert.Equal("no-cache", Assert.Single(tokens.Response.Headers.Pragma).Name);
    }

    [Fact]
    public async Task Redeem_WrongSecretWithHttpBasic_Returns401InvalidClientWithABasicChallenge()
    {
        var setup = await Http.ArrangeCodeLinkAsync();
        var code = await app.Factory.LinkForCodeAsync(setup);

        var response = await CodeFlow.RedeemAsync(Http, setup, code, basic: true, asSkill: setup.Skill with { ClientSecret = setup.Skill.ClientSecret + "x" });

        var error = await CodeFlow.ErrorAsync(response, "invalid_client", HttpStatusCode.Unauthorized);
        Assert.Equal("The specified client credentials are invalid.", error.ErrorDescription);
        // RFC 6749 §5.2: a client that authenticated with the Authorization header gets a challenge of that scheme.
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Basic", challenge.Scheme);
        Assert.StartsWith("error=\"invalid_client\", error_description=\"The specified client credentials are invalid.\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.DoesNotContain("error_uri", challenge.Parameter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redeem_WrongSecretInTheBody_Returns401InvalidClient()
    {
        var setup = await Http.ArrangeCodeLinkAsync();
        var code = await app.Factory.LinkForCodeAsync(setup);

        var response = await CodeFlow.RedeemAsync(Http, setup, code, basic: false, asSkill: setup.Skill with { ClientSecret = "not-the-secret" });

        var error = await CodeFlow.ErrorAsync(response, "invalid_client", HttpStatusCode.Unauthorized);
        Assert.Equal("The specified client credentials are invalid.", error.ErrorDescription);
    }

    [Fact]
    public async Task Redeem_WithoutClientCredentials_IsRefusedAsInvalidClient()
    {
        var setup = await Http.ArrangeCodeLinkAsync();
        var code = await app.Factory.LinkForCodeAsync(setup);
        using var anonymous = app.Factory.CreateClient();

        var response = await anonymous.PostAsync(CodeFlow.TokenPath(setup.Slug), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = setup.Skill.RedirectUri,
            ["client_id"] = setup.Skill.ClientId,
        }), Ct);

        // A confidential client must authenticate (RFC 6749 §3.2.1).
        var error = await CodeFlow.ErrorAsync(response, "invalid_client", HttpStatusCode.Unauthorized);
        Assert.Equal("Client authentication is required for this application.", error.ErrorDescription);
    }

    [Fact]
    public async Task Redeem_PreviousSecretDuringTheRotationOverlap_IsAccepted()
    {
        var setup = await Http.ArrangeCodeLinkAsync();
        var rotated = await ApiAssert.JsonAsync(await Http.PostAsync($"/api/v1/tenants/{setup.Slug}/skills/{setup.Skill.ClientId}/rotate-secret", null, Ct), HttpStatusCode.OK);
        var fresh = setup.Skill with { ClientSecret = rotated.Str("clientSecret") };

        // Alexa keeps presenting the old secret until the vendor edits the console.
        await CodeFlow.TokensAsync(await CodeFlow.RedeemAsync(Http, setup, await app.Factory.LinkForCodeAsync(setup), basic: true));
        await CodeFlow.TokensAsync(await CodeFlow.RedeemAsync(Http, setup, await app.Factory.LinkForCodeAsync(setup), basic: false, asSkill: fresh));
    }

    [Fact]
    public async Task Redeem_TheSameCodeTwice_SecondIsInvalidGrantAndTheFirstTokensBecomeInactive()
    {
        var setup = await Http.ArrangeCodeLinkAsync();
        var code = await app.Factory.LinkForCodeAsync(setup);
        var first = await CodeFlow.TokensAsync(await CodeFlow.RedeemAsync(Http, setup, code));
        Assert.True(await LinkAssert.IsActiveAsync(Http, setup.Skill, first.AccessToken));

        var second = await CodeFlow.ErrorAsync(await CodeFlow.RedeemAsync(Http, setup, code), "invalid_grant");

        Assert.Equal("The specified authorization code has already been redeemed.", second.ErrorDescription);
        // RFC 6749 §4.1.2: the tokens issued from a reused code are revoked — access and refresh token alike.
        Assert.False(await LinkAssert.IsActiveAsync(Http, setup.Skill, first.AccessToken));
        Assert.False(await LinkAssert.IsActiveAsync(Http, setup.Skill, first.RefreshToken));
        var refresh = await CodeFlow.ErrorAsync(await CodeFlow.RefreshAsync(Http, setup.Skill, first.RefreshToken), "invalid_grant");
        Assert.Equal("The specified refresh token is no longer valid.", refresh.ErrorDescription);
        // The link ends with its tokens, so the admin views and the vendor's webhook tell the truth.
        await CodeFlow.AssertLinkEndedAsync(Http, setup, "token_replay");
    }

    [Fact]
    public async Task Redeem_ByAnotherSkillOfTheTenant_IsInvalidGrant()
    {
        var setup = await Http.ArrangeCodeLinkAsync();
        var other = await Http.RegisterLinkSkillAsync(setup.Slug, CodeFlow.Skill with { Name = "Other skill" });
        var code = await app.Factory.LinkForCodeAsync(setup);

        var response = await CodeFlow.RedeemAsync(Http, setup, code, asSkill: other);

        var error = await CodeFlow.ErrorAsync(response, "invalid_grant");
        Assert.Equal("The specified authorization code cannot be used by this client application.", error.ErrorDescription);
    }

    [Fact]
    public async Task Redeem_AnotherRegisteredRedirectUri_IsInvalidGrant()
    {
        var setup = await Http.ArrangeCodeLinkAsync();
        var code = await app.Factory.LinkForCodeAsync(setup);

        // Pitangui is registered too, but the code was sent to Layla (RFC 6749 §4.1.3).
        var response = await CodeFlow.RedeemAsync(Http, setup, code, redirectUri: CodeFlow.Pitangui);

        var error = await CodeFlow.ErrorAsync(response, "invalid_grant");
        Assert.Equal("The specified 'redirect_uri' parameter doesn't match the client redirection URI the authorization code was initially sent to.", error.ErrorDescription);
    }

    [Fact]
    public async Task Redeem_WithoutTheRedirectUri_IsInvalidRequest()
    {
        var setup = await Http.ArrangeCodeLinkAsync();
        var code = await app.Factory.LinkForCodeAsync(setup);

        var response = await LinkAssert.PostAsClientAsync(Http, CodeFlow.TokenPath(setup.Slug), setup.Skill.ClientId, setup.Skill.ClientSecret, true,
            new() { ["grant_type"] = "authorization_code", ["code"] = code });

        // RFC 6749 §4.1.3: required when the authorization request included it (Alexa's always does).
        var error = await CodeFlow.ErrorAsync(response, "invalid_request");
        Assert.Equal("The mandatory 'redirect_uri' parameter is missing.", error.ErrorDescription);
    }

    [Fact]
    public async Task Redeem_UnknownCode_IsInvalidGrant()
    {
        var setup = await Http.ArrangeCodeLinkAsync();

        var response = await CodeFlow.RedeemAsync(Http, setup, "not-a-code");

        var error = await CodeFlow.ErrorAsync(response, "invalid_grant");
        Assert.Equal("The specified authorization code is invalid.", error.ErrorDescription);
    }

    [Fact]
    public async Task Redeem_SkillWithACustomLifetime_ExpiresInThatManySeconds()
    {
        var setup = await Http.ArrangeCodeLinkAsync(CodeFlow.Skill with { AccessTokenLifetimeSeconds = 360 });

        var tokens = await app.Factory.LinkForTokensAsync(Http, setup);

        Assert.Equal(360, tokens.ExpiresIn);
        var introspection = await LinkAssert.IntrospectAsync(Http, setup.Slug, setup.Skill.ClientId, setup.Skill.ClientSecret, tokens.AccessToken);
        Assert.Equal(360, introspection.GetProperty("exp").GetInt64() - introspection.GetProperty("iat").GetInt64());
    }

    [Fact]
    public async Task Redeem_Tokens_AreOpaqueReferencesStoredOnlyAsTheirHashes()
    {
        var setup = await Http.ArrangeCodeLinkAsync();
        var code = await app.Factory.LinkForCodeAsync(setup);

        var tokens = await CodeFlow.TokensAsync(await CodeFlow.RedeemAsync(Http, setup, code));

        var rows = await app.Factory.WithDbAsync(db => db.Set<OAuthToken>().AsNoTracking().IgnoreQueryFilters().ToListAsync(Ct));
        foreach (var value in new[] { code, tokens.AccessToken, tokens.RefreshToken })
        {
            Assert.Matches("^[A-Za-z0-9_-]{43}$", value);
            Assert.DoesNotContain(rows, r => string.Join('\n', r.Id, r.ReferenceId, r.Payload, r.Properties).Contains(value, StringComparison.Ordinal));
            var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
            Assert.Single(rows, r => r.ReferenceId == hash);
        }
    }
}
