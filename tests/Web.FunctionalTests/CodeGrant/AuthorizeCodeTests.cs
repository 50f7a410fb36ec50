using System.Net;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Linking;
using AlexaLinkHub.Web.FunctionalTests.Support;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;
using AlexaLinkHub.Web.FunctionalTests.CodeGrant.Support;

namespace AlexaLinkHub.Web.FunctionalTests.CodeGrant;

/// <summary>The authorization endpoint with <c>response_type=code</c> (RFC 6749 §4.1.2): the same login and consent as the
/// implicit grant, then a 302 to the registered redirect URI with <c>code</c> and <c>state</c> added to its query — never
/// a fragment. Errors for a valid client and redirect URI go there too (§4.1.2.1). (An implicit skill asking for a code
/// is covered by <see cref="AuthorizeErrorRedirectTests"/>.)</summary>
public sealed class AuthorizeCodeTests(CodeGrantFixture app) : IClassFixture<CodeGrantFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Issuer(string slug) => Uri.EscapeDataString($"http://localhost/t/{slug}");

    private async Task<HttpResponseMessage> GetAsync(string url)
    {
        using var browser = LinkFlowClient.Create(app.Factory);
        return await browser.Http.GetAsync(url, Ct);
    }

    [Fact]
    public async Task Authorize_CodeSkillAllows_Redirects302WithCodeAndStateInTheQuery()
    {
        var setup = await app.Platform.ArrangeCodeLinkAsync();
        using var browser = LinkFlowClient.Create(app.Factory);

        var response = await browser.LinkAsync(setup.CodeUrl("xyz"), setup.User.Email, setup.User.Password);

        var redirect = LinkAssert.QueryRedirect(response, CodeFlow.Layla);
        var code = redirect["code"];
        Assert.Equal($"{CodeFlow.Layla}?code={code}&state=xyz&iss={Issuer(setup.Slug)}", LinkAssert.RedirectLocation(response));
        Assert.Equal(["code", "iss", "state"], redirect.Parameters.Keys.Order(StringComparer.Ordinal));
        // An opaque reference: 256 random bits, base64url.
        Assert.Matches("^[A-Za-z0-9_-]{43}$", code);
    }

    [Theory]
    [InlineData("a&b=c#d")]
    [InlineData("Zürich 東京 +/=")]
    public async Task Authorize_RedirectUriWithAQuery_KeepsItAndAddsCodeAndTheExactState(string state)
    {
        var setup = await app.Platform.ArrangeCodeLinkAsync();
        using var browser = LinkFlowClient.Create(app.Factory);

        var response = await browser.LinkAsync(setup.CodeUrl(state, redirectUri: CodeFlow.WithQuery), setup.User.Email, setup.User.Password);

        var redirect = LinkAssert.QueryRedirect(response, CodeFlow.WithQuery);
        Assert.StartsWith(CodeFlow.WithQuery + "&code=", LinkAssert.RedirectLocation(response), StringComparison.Ordinal);
        Assert.Equal(state, redirect["state"], StringComparer.Ordinal);
        Assert.Equal("fe", LinkAssert.Parse(new Uri(LinkAssert.RedirectLocation(response)).Query.TrimStart('?'))["region"]);
    }

    [Fact]
    public async Task Authorize_ResponseTypeTokenForACodeSkill_RedirectsUnauthorizedClientInTheFragment()
    {
        var setup = await app.Platform.ArrangeCodeLinkAsync();

        var response = await GetAsync(setup.AuthorizeUrl("s 1", responseType: "token"));

        // The refusal follows the requested response type: a token request is answered in the fragment (§4.2.2.1).
        Assert.Equal(
            $"{CodeFlow.Layla}#error=unauthorized_client&error_description=The%20client%20application%20is%20not%20allowed%20to%20use%20the%20implicit%20flow.&state=s%201&iss={Issuer(setup.Slug)}",
            LinkAssert.RedirectLocation(response));
        Assert.StartsWith($"reason=invalid_request; clientId={setup.Skill.ClientId}; detail=unauthorized_client",
            Assert.Single(await LinkAssert.AuditAsync(app.Platform, setup.Slug, "link.failed")).Str("details"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_ScopeTheCodeSkillDidNotRegister_RedirectsInvalidScopeInTheQuery()
    {
        var setup = await app.Platform.ArrangeCodeLinkAsync();

        var response = await GetAsync(setup.AuthorizeUrl("xyz", scope: "order_car fly_plane", responseType: "code"));

        var redirect = LinkAssert.QueryRedirect(response, CodeFlow.Layla);
        Assert.Equal("invalid_scope", redirect["error"]);
        Assert.Equal(
            $"{CodeFlow.Layla}?error=invalid_scope&error_description=The%20scope%20%27fly_plane%27%20is%20not%20defined%20for%20this%20skill.&state=xyz&iss={Issuer(setup.Slug)}",
            LinkAssert.RedirectLocation(response));
    }

    [Fact]
    public async Task Authorize_ErrorWithARedirectUriThatHasAQuery_AppendsTheErrorToThatQuery()
    {
        var setup = await app.Platform.ArrangeCodeLinkAsync();

        var response = await GetAsync(setup.AuthorizeUrl("xyz", scope: "fly_plane", responseType: "code", redirectUri: CodeFlow.WithQuery));

        Assert.StartsWith($"{CodeFlow.WithQuery}&error=invalid_scope&error_description=", LinkAssert.RedirectLocation(response), StringComparison.Ordinal);
        Assert.Equal("xyz", LinkAssert.QueryRedirect(response, CodeFlow.WithQuery)["state"]);
    }

    [Fact]
    public async Task Authorize_CodeSkillUnregisteredRedirectUri_ShowsTheErrorPageAndRedirectsNowhere()
    {
        var setup = await app.Platform.ArrangeCodeLinkAsync();

        var response = await GetAsync(setup.CodeUrl(redirectUri: "https://evil.example/api/skill/link/M2AAAAAAAAAAAA"));

        await LinkAssert.ErrorPageAsync(response);
    }

    [Fact]
    public async Task Consent_CancelOnACodeRequest_RedirectsAccessDeniedInTheQueryAndIssuesNoCode()
    {
        var setup = await app.Platform.ArrangeCodeLinkAsync();
        using var browser = LinkFlowClient.Create(app.Factory);

        var response = await browser.LinkAsync(setup.CodeUrl("a+b"), setup.User.Email, setup.User.Password, decision: "cancel");

        Assert.Equal(
            $"{CodeFlow.Layla}?error=access_denied&error_description=The%20user%20did%20not%20allow%20the%20link.&state=a%2Bb&iss={Issuer(setup.Slug)}",
            LinkAssert.RedirectLocation(response));
        var links = await ApiAssert.JsonAsync(await app.Platform.GetAsync($"/api/v1/tenants/{setup.Slug}/users/{setup.User.Id}/links", Ct), HttpStatusCode.OK);
        Assert.Empty(links.EnumerateArray());
    }

    [Fact]
    public async Task Authorize_Allow_RecordsTheLinkWithItsCodeInTheGrant()
    {
        var setup = await app.Platform.ArrangeCodeLinkAsync();

        await app.Factory.LinkForCodeAsync(setup);

        var links = await ApiAssert.JsonAsync(await app.Platform.GetAsync($"/api/v1/tenants/{setup.Slug}/users/{setup.User.Id}/links", Ct), HttpStatusCode.OK);
        var link = Assert.Single(links.EnumerateArray());
        Assert.Equal(setup.Skill.ClientId, link.Str("clientId"));
        var token = Assert.Single(link.GetProperty("tokens").EnumerateArray());
        Assert.Equal("urn:openiddict:params:oauth:token-type:authorization_code", token.Str("type"));
        Assert.Equal("valid", token.Str("status"));
        // RFC 6749 §4.1.2 recommends at most ten minutes; ours live five.
        Assert.Equal(CodeGrantFixture.Start.AddMinutes(5), token.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Single(await LinkAssert.AuditAsync(app.Platform, setup.Slug, "account.linked"));
    }
}
