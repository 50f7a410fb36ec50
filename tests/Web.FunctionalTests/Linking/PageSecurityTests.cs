using System.Net;
using System.Net.Http.Json;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Linking;

/// <summary>Security headers of the tenant pages in the link flow. The CSP allows only our origin plus what the vendor
/// declared: the skill's domain list and the logo host for content, and the redirect URL origins as form targets (the
/// redirect to Amazon after "Allow" follows a form post, and form-action applies to it).</summary>
public sealed class PageSecurityTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Csp(HtmlPage page)
    {
        var header = Assert.Single(page.Response.Headers.GetValues("Content-Security-Policy"));
        return header.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d, StringComparer.Ordinal);
    }

    private static void AssertCommonHeaders(HtmlPage page)
    {
        var headers = page.Response.Headers;
        Assert.Equal("no-referrer", Assert.Single(headers.GetValues("Referrer-Policy")));
        Assert.Equal("nosniff", Assert.Single(headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-store", headers.CacheControl?.ToString());
        Assert.Equal("DENY", Assert.Single(headers.GetValues("X-Frame-Options")));
        var csp = Csp(page);
        Assert.Equal("frame-ancestors 'none'", csp["frame-ancestors"]);
        Assert.Equal("default-src 'none'", csp["default-src"]);
        Assert.Equal("script-src 'none'", csp["script-src"]);
        Assert.DoesNotContain("unsafe-inline", page.Response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginPage_InTheFlow_HasTheSecurityHeadersAndTheSkillsDomainsInTheCsp()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        using var browser = LinkFlowClient.Create(api.Factory);

        var login = await browser.FollowAsync(await browser.GetPageAsync(setup.AuthorizeUrl()));

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        AssertCommonHeaders(login);
        var csp = Csp(login);
        Assert.Equal("img-src 'self' data: https://cdn.carfu.example https://images.carfu.example", csp["img-src"]);
        Assert.StartsWith("style-src 'self' 'nonce-", csp["style-src"], StringComparison.Ordinal);
        Assert.EndsWith(" https://cdn.carfu.example https://images.carfu.example", csp["style-src"], StringComparison.Ordinal);
        Assert.Equal("font-src 'self' https://cdn.carfu.example https://images.carfu.example", csp["font-src"]);
        // The login form posts to this page, which redirects back to the authorization endpoint: our own origin only.
        Assert.Equal("form-action 'self'", csp["form-action"]);
    }

    [Fact]
    public async Task ConsentPage_HasTheSecurityHeadersAndTheRedirectOriginsAsFormTargets()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        using var browser = LinkFlowClient.Create(api.Factory);

        var consent = await browser.OpenConsentAsync(setup.AuthorizeUrl(), setup.User.Email, setup.User.Password);

        AssertCommonHeaders(consent);
        var csp = Csp(consent);
        Assert.Equal("img-src 'self' data: https://cdn.carfu.example https://images.carfu.example", csp["img-src"]);
        Assert.Equal("form-action 'self' https://alexa.amazon.co.jp https://layla.amazon.com https://pitangui.amazon.com", csp["form-action"]);
        Assert.Contains("This allows Car Fu to order a taxi on your behalf and charge your account for the cost.", consent.Html, StringComparison.Ordinal);
        Assert.Contains("This allows Car Fu to read your name and email.", consent.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenantPages_WithALogo_AllowTheLogoHostForImages()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        var patched = await api.Platform.PatchAsJsonAsync($"/api/v1/tenants/{setup.Slug}", new { branding = new { logoUrl = "https://static.carfu.example/logo.png" } }, Ct);
        await ApiAssert.JsonAsync(patched, HttpStatusCode.OK);
        using var browser = LinkFlowClient.Create(api.Factory);

        var login = await browser.GetPageAsync($"/t/{setup.Slug}/login");

        Assert.Equal("img-src 'self' data: https://static.carfu.example", Csp(login)["img-src"]);
        Assert.Contains("src=\"https://static.carfu.example/logo.png\"", login.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorPage_HasTheSecurityHeaders()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        using var browser = LinkFlowClient.Create(api.Factory);

        var error = await browser.GetPageAsync(setup.AuthorizeUrl(redirectUri: "https://evil.example/cb"));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        AssertCommonHeaders(error);
    }

    [Fact]
    public async Task LoginPage_AfterAFailedSignIn_KeepsTheHeaders()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        using var browser = LinkFlowClient.Create(api.Factory);
        var login = await browser.FollowAsync(await browser.GetPageAsync(setup.AuthorizeUrl()));

        var failed = await browser.SignInAsync(login, setup.User.Email, "wrong password");

        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        AssertCommonHeaders(failed);
        Assert.Equal("img-src 'self' data: https://cdn.carfu.example https://images.carfu.example", Csp(failed)["img-src"]);
    }
}
