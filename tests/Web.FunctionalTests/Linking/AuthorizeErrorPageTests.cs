using System.Net;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;
using Microsoft.AspNetCore.Http;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Linking;

/// <summary>Requests whose client or redirect URI cannot be trusted: the branded error page (400, HTML) and never a
/// redirect (RFC 6749 §4.2.2.1: "the authorization server SHOULD inform the resource owner of the error and MUST NOT
/// automatically redirect"). Each is recorded as a failed link attempt.</summary>
public sealed class AuthorizeErrorPageTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Pitangui = "https://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> ErrorPageAsync(string url)
    {
        using var browser = LinkFlowClient.Create(api.Factory);
        return await LinkAssert.ErrorPageAsync(await browser.Http.GetAsync(url, Ct));
    }

    private async Task AssertInvalidRequestAuditedAsync(string slug, string? clientId)
    {
        var failure = Assert.Single(await LinkAssert.AuditAsync(api.Platform, slug, "link.failed"));
        Assert.StartsWith($"reason=invalid_request; clientId={clientId}", failure.Str("details"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_UnknownClientId_ShowsErrorPageWithoutRedirect()
    {
        var setup = await api.Platform.ArrangeLinkAsync();

        var html = await ErrorPageAsync(LinkArrange.AuthorizeUrl(setup.Slug, "no-such-skill", Pitangui, "xyz", "order_car"));

        Assert.Contains("invalid_request", html, StringComparison.Ordinal);
        Assert.DoesNotContain("access_token", html, StringComparison.Ordinal);
        await AssertInvalidRequestAuditedAsync(setup.Slug, "no-such-skill");
    }

    [Fact]
    public async Task Authorize_DisabledSkill_ShowsErrorPageWithoutRedirect()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await api.Platform.PostAsync($"/api/v1/tenants/{setup.Slug}/skills/{setup.Skill.ClientId}/disable", null, Ct)).StatusCode);

        await ErrorPageAsync(setup.AuthorizeUrl());

        await AssertInvalidRequestAuditedAsync(setup.Slug, setup.Skill.ClientId);
    }

    [Fact]
    public async Task Authorize_ClientOfTenantAUnderTenantB_IsAnUnknownClient()
    {
        var a = await api.Platform.ArrangeLinkAsync();
        var b = await api.Platform.ArrangeLinkAsync();

        await ErrorPageAsync(LinkArrange.AuthorizeUrl(b.Slug, a.Skill.ClientId, a.Skill.RedirectUri, "xyz", "order_car"));

        await AssertInvalidRequestAuditedAsync(b.Slug, a.Skill.ClientId);
        Assert.Empty(await LinkAssert.AuditAsync(api.Platform, a.Slug, "link.failed"));
    }

    [Theory]
    [InlineData("https://evil.example/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA")]
    [InlineData("https://pitangui.amazon.com/spa/skill/account-linking-status.html")]
    [InlineData("https://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorId=M2BBBBBBBBBBBB")]
    [InlineData("https://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA&x=1")]
    [InlineData("https://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorid=M2AAAAAAAAAAAA")]
    [InlineData("https://pitangui.amazon.com/spa/skill/account-linking-status.html/?vendorId=M2AAAAAAAAAAAA")]
    [InlineData("https://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA/")]
    [InlineData("https://pitangui.amazon.com/spa/skill/Account-Linking-Status.html?vendorId=M2AAAAAAAAAAAA")]
    [InlineData("https://PITANGUI.amazon.com/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA")]
    [InlineData("HTTPS://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA")]
    [InlineData("https://pitangui.amazon.com:443/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA")]
    [InlineData("https://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA#x")]
    [InlineData("http://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA")]
    public async Task Authorize_RedirectUriNotByteForByteRegistered_ShowsErrorPageWithoutRedirect(string redirectUri)
    {
        var setup = await api.Platform.ArrangeLinkAsync();

        await ErrorPageAsync(setup.AuthorizeUrl(redirectUri: redirectUri));

        await AssertInvalidRequestAuditedAsync(setup.Slug, setup.Skill.ClientId);
    }

    [Theory]
    [InlineData("state")]
    [InlineData("redirect_uri")]
    [InlineData("client_id")]
    [InlineData("response_type")]
    [InlineData("scope")]
    public async Task Authorize_RepeatedParameter_ShowsErrorPageWithoutRedirect(string parameter)
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        var url = setup.AuthorizeUrl();
        var value = Uri.UnescapeDataString(url.Split('&', '?').Single(p => p.StartsWith(parameter + "=", StringComparison.Ordinal))[(parameter.Length + 1)..]);

        var html = await ErrorPageAsync($"{url}&{parameter}={Uri.EscapeDataString(value)}");

        Assert.Contains($"The &#x27;{parameter}&#x27; parameter must not be included more than once.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_RepeatedStateWithDifferentValues_ShowsErrorPageWithoutRedirect()
    {
        var setup = await api.Platform.ArrangeLinkAsync();

        await ErrorPageAsync(setup.AuthorizeUrl("first") + "&state=second");

        await AssertInvalidRequestAuditedAsync(setup.Slug, setup.Skill.ClientId);
    }

    [Theory]
    [InlineData("/t/{0}/connect/authorize")]
    [InlineData("/t/{0}/connect/authorize?client_id={1}")]
    [InlineData("/t/{0}/connect/authorize?client_id={1}&response_type=token&state=xyz")]
    public async Task Authorize_MissingParameters_ShowsErrorPageWithoutRedirect(string template)
    {
        var setup = await api.Platform.ArrangeLinkAsync();

        await ErrorPageAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, setup.Slug, setup.Skill.ClientId));
    }

    /// <summary>The reference's example request, verbatim: its redirect_uri ends in <c>%3FvendorId%M2AAAAAAAAAAAA</c>, a
    /// malformed escape (Amazon's typo for <c>%3D</c>), so it is not the registered URI and must not be redirected to.</summary>
    [Fact]
    public async Task Authorize_TheAlexaDocumentationExampleVerbatim_ShowsErrorPageNeverA500()
    {
        const string Example = "https://www.carfu.com/login?state=abc&client_id=unique-id&scope=order_car%20basic_profile&response_type=token&redirect_uri=https%3A//pitangui.amazon.com/spa/skill/account-linking-status.html%3FvendorId%M2AAAAAAAAAAAA";
        var slug = LinkArrange.NewSlug();
        await api.Platform.CreateLinkTenantAsync(slug);
        await api.Platform.RegisterLinkSkillAsync(slug, new SkillSpec { ClientId = "unique-id", RedirectUrls = [Pitangui] });
        var query = Example[Example.IndexOf('?', StringComparison.Ordinal)..];
        using var browser = LinkFlowClient.Create(api.Factory);

        // Byte for byte, as a browser sends it (HttpClient's Uri would re-escape the stray '%' as %25)…
        var verbatim = await api.Factory.Server.SendAsync(context =>
        {
            context.Request.Method = HttpMethods.Get;
            context.Request.Path = $"/t/{slug}/connect/authorize";
            context.Request.QueryString = new QueryString(query);
        }, Ct);
        // …and as HttpClient sends it.
        var canonical = await browser.Http.GetAsync($"/t/{slug}/connect/authorize{query}", Ct);

        Assert.Equal(StatusCodes.Status400BadRequest, verbatim.Response.StatusCode);
        Assert.StartsWith("text/html", verbatim.Response.ContentType, StringComparison.Ordinal);
        Assert.False(verbatim.Response.Headers.ContainsKey("Location"));
        Assert.Contains("This link request can&#x27;t be completed", await new StreamReader(verbatim.Response.Body).ReadToEndAsync(Ct), StringComparison.Ordinal);
        await LinkAssert.ErrorPageAsync(canonical);
        var failures = await LinkAssert.AuditAsync(api.Platform, slug, "link.failed");
        Assert.Equal(2, failures.Count);
        Assert.All(failures, f => Assert.StartsWith("reason=invalid_request; clientId=unique-id", f.Str("details"), StringComparison.Ordinal));
    }
}
