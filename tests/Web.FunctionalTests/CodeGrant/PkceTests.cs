using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Linking;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;
using AlexaLinkHub.Web.FunctionalTests.CodeGrant.Support;

namespace AlexaLinkHub.Web.FunctionalTests.CodeGrant;

/// <summary>PKCE (RFC 7636) as Alexa uses it when the vendor turns it on: S256 only; a code issued for a challenge needs
/// its verifier, and a verifier for a code issued without a challenge is refused.</summary>
public sealed class PkceTests(CodeGrantFixture app) : IClassFixture<CodeGrantFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Http => app.Platform;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Redeem_ChallengeS256AndItsVerifier_ReturnsTokens(bool basic)
    {
        var setup = await Http.ArrangeCodeLinkAsync();
        var pkce = Pkce.New();
        var code = await app.Factory.LinkForCodeAsync(setup, pkce);

        var tokens = await CodeFlow.TokensAsync(await CodeFlow.RedeemAsync(Http, setup, code, basic, verifier: pkce.Verifier));

        Assert.True(await LinkAssert.IsActiveAsync(Http, setup.Skill, tokens.AccessToken));
    }

    [Fact]
    public async Task Redeem_ChallengeSentButNoVerifier_IsInvalidRequest()
    {
        var setup = await Http.ArrangeCodeLinkAsync();
        var code = await app.Factory.LinkForCodeAsync(setup, Pkce.New());

        var response = await CodeFlow.RedeemAsync(Http, setup, code);

        var error = await CodeFlow.ErrorAsync(response, "invalid_request");
        Assert.Equal("The mandatory 'code_verifier' parameter is missing.", error.ErrorDescription);
    }

    [Fact]
    public async Task Redeem_WrongVerifier_IsInvalidGrant()
    {
        var setup = await Http.ArrangeCodeLinkAsync();
        var code = await app.Factory.LinkForCodeAsync(setup, Pkce.New());

        var response = await CodeFlow.RedeemAsync(Http, setup, code, verifier: Pkce.New().Verifier);

        // RFC 7636 §4.6: a verifier that does not match the challenge → invalid_grant.
        var error = await CodeFlow.ErrorAsync(response, "invalid_grant");
        Assert.Equal("The specified 'code_verifier' is invalid.", error.ErrorDescription);
    }

    [Fact]
    public async Task Redeem_TheChallengeItselfAsVerifier_IsInvalidGrant()
    {
        var setup = await Http.ArrangeCodeLinkAsync();
        var pkce = Pkce.New();
        var code = await app.Factory.LinkForCodeAsync(setup, pkce);

        // What a "plain" client would send: refused, the challenge is only ever compared as S256.
        var response = await CodeFlow.RedeemAsync(Http, setup, code, verifier: pkce.Challenge);

        Assert.Equal("The specified 'code_verifier' is invalid.", (await CodeFlow.ErrorAsync(response, "invalid_grant")).ErrorDescription);
    }

    [Fact]
    public async Task Redeem_VerifierWithoutAChallenge_IsInvalidRequest()
    {
        var setup = await Http.ArrangeCodeLinkAsync();
        var code = await app.Factory.LinkForCodeAsync(setup);

        var response = await CodeFlow.RedeemAsync(Http, setup, code, verifier: Pkce.New().Verifier);

        var error = await CodeFlow.ErrorAsync(response, "invalid_request");
        Assert.Equal("The 'code_verifier' parameter cannot be used when no 'code_challenge' was specified in the authorization request.", error.ErrorDescription);
    }

    [Theory]
    [InlineData("plain", "The specified %27code_challenge_method%27 is not supported.")]
    [InlineData(null, "The mandatory %27code_challenge_method%27 parameter is missing.")]
    public async Task Authorize_ChallengeMethodPlainOrMissing_RedirectsInvalidRequestInTheQuery(string? method, string description)
    {
        var setup = await Http.ArrangeCodeLinkAsync();
        using var browser = LinkFlowClient.Create(app.Factory);

        // RFC 7636 §4.3 makes a missing method "plain"; only S256 is accepted.
        var response = await browser.Http.GetAsync(setup.CodeUrl("xyz", Pkce.New(), method), Ct);

        var location = LinkAssert.RedirectLocation(response);
        Assert.Equal(
            $"{CodeFlow.Layla}?error=invalid_request&error_description={description.Replace(" ", "%20", StringComparison.Ordinal)}&state=xyz&iss={Uri.EscapeDataString($"http://localhost/t/{setup.Slug}")}",
            location);
    }
}
