using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Linking;

/// <summary>Errors of a request with a valid client and a registered redirect URI go back to the client (RFC 6749
/// §4.2.2.1 for response_type=token: in the fragment; §4.1.2.1 for code: in the query), with the state, and are audited
/// as failed link attempts.</summary>
public sealed class AuthorizeErrorRedirectTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> GetAsync(string url)
    {
        using var browser = LinkFlowClient.Create(api.Factory);
        return await browser.Http.GetAsync(url, Ct);
    }

    private static string Issuer(string slug) => Uri.EscapeDataString($"{ApiFixture.PublicBaseUrl}/t/{slug}");

    private async Task<string> SingleFailureAsync(string slug) =>
        Assert.Single(await LinkAssert.AuditAsync(api.Platform, slug, "link.failed")).Str("details");

    [Fact]
    public async Task Authorize_ResponseTypeCodeForAnImplicitSkill_RedirectsUnauthorizedClientInTheQuery()
    {
        var setup = await api.Platform.ArrangeLinkAsync();

        var response = await GetAsync(setup.AuthorizeUrl("a&b=c", responseType: "code"));

        var redirect = LinkAssert.QueryRedirect(response, setup.Skill.RedirectUri);
        Assert.Equal("unauthorized_client", redirect["error"]);
        Assert.Equal("a&b=c", redirect["state"]);
        Assert.Equal(
            $"{setup.Skill.RedirectUri}&error=unauthorized_client&error_description=The%20client%20application%20is%20not%20allowed%20to%20use%20the%20authorization%20code%20flow.&state=a%26b%3Dc&iss={Issuer(setup.Slug)}",
            LinkAssert.RedirectLocation(response));
        Assert.StartsWith($"reason=invalid_request; clientId={setup.Skill.ClientId}; detail=unauthorized_client", await SingleFailureAsync(setup.Slug), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_UnknownResponseType_RedirectsUnsupportedResponseTypeInTheQuery()
    {
        var setup = await api.Platform.ArrangeLinkAsync();

        var response = await GetAsync(setup.AuthorizeUrl("s 1", responseType: "magic"));

        var redirect = LinkAssert.QueryRedirect(response, setup.Skill.RedirectUri);
        Assert.Equal("unsupported_response_type", redirect["error"]);
        Assert.Equal("s 1", redirect["state"]);
        Assert.Equal(
            $"{setup.Skill.RedirectUri}&error=unsupported_response_type&error_description=The%20specified%20%27response_type%27%20is%20not%20supported.&state=s%201&iss={Issuer(setup.Slug)}",
            LinkAssert.RedirectLocation(response));
        Assert.StartsWith($"reason=invalid_request; clientId={setup.Skill.ClientId}; detail=unsupported_response_type", await SingleFailureAsync(setup.Slug), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_ScopeTheSkillDidNotRegister_RedirectsInvalidScopeInTheFragment()
    {
        var setup = await api.Platform.ArrangeLinkAsync();

        var response = await GetAsync(setup.AuthorizeUrl("Zürich #1", scope: "order_car fly_plane"));

        var redirect = LinkAssert.FragmentRedirect(response, setup.Skill.RedirectUri);
        Assert.Equal("invalid_scope", redirect["error"]);
        Assert.Equal("Zürich #1", redirect["state"]);
        Assert.Equal(
            $"{setup.Skill.RedirectUri}#error=invalid_scope&error_description=The%20scope%20%27fly_plane%27%20is%20not%20defined%20for%20this%20skill.&state=Z%C3%BCrich%20%231&iss={Issuer(setup.Slug)}",
            LinkAssert.RedirectLocation(response));
        Assert.StartsWith($"reason=invalid_request; clientId={setup.Skill.ClientId}; detail=invalid_scope", await SingleFailureAsync(setup.Slug), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_ScopeOfAnotherSkillOfTheTenant_RedirectsInvalidScope()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        await api.Platform.RegisterLinkSkillAsync(setup.Slug, new SkillSpec { Scopes = [("fly_plane", "book a flight")] });

        var response = await GetAsync(setup.AuthorizeUrl(scope: "fly_plane"));

        Assert.Equal("invalid_scope", LinkAssert.FragmentRedirect(response, setup.Skill.RedirectUri)["error"]);
    }

    [Fact]
    public async Task Authorize_TokenRequestWithResponseModeQuery_RedirectsInvalidRequest()
    {
        var setup = await api.Platform.ArrangeLinkAsync();

        var response = await GetAsync(setup.AuthorizeUrl() + "&response_mode=query");

        // A token must never travel in a query; the refusal itself carries none (it follows the requested mode).
        var redirect = LinkAssert.QueryRedirect(response, setup.Skill.RedirectUri);
        Assert.Equal("invalid_request", redirect["error"]);
        Assert.Equal("xyz", redirect["state"]);
        Assert.DoesNotContain("access_token", redirect.Parameters.Keys);
    }

    [Fact]
    public async Task Consent_Cancel_RedirectsAccessDeniedInTheFragmentAndIssuesNoToken()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        using var browser = LinkFlowClient.Create(api.Factory);

        var response = await browser.LinkAsync(setup.AuthorizeUrl("a+b %41"), setup.User.Email, setup.User.Password, decision: "cancel");

        var redirect = LinkAssert.FragmentRedirect(response, setup.Skill.RedirectUri);
        Assert.Equal("access_denied", redirect["error"]);
        Assert.Equal("a+b %41", redirect["state"]);
        Assert.Equal(
            $"{setup.Skill.RedirectUri}#error=access_denied&error_description=The%20user%20did%20not%20allow%20the%20link.&state=a%2Bb%20%2541&iss={Issuer(setup.Slug)}",
            LinkAssert.RedirectLocation(response));
        var failure = await SingleFailureAsync(setup.Slug);
        Assert.Equal($"reason=access_denied; clientId={setup.Skill.ClientId}", failure);
        var links = await ApiAssert.JsonAsync(await api.Platform.GetAsync($"/api/v1/tenants/{setup.Slug}/users/{setup.User.Id}/links", Ct), System.Net.HttpStatusCode.OK);
        Assert.Empty(links.EnumerateArray());
        Assert.Empty(await LinkAssert.AuditAsync(api.Platform, setup.Slug, "account.linked"));
    }

    [Fact]
    public async Task Consent_UnknownDecision_IsTreatedAsCancel()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        using var browser = LinkFlowClient.Create(api.Factory);

        var response = await browser.LinkAsync(setup.AuthorizeUrl(), setup.User.Email, setup.User.Password, decision: "ALLOW");

        Assert.Equal("access_denied", LinkAssert.FragmentRedirect(response, setup.Skill.RedirectUri)["error"]);
    }
}
