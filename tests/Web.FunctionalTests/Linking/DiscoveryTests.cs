using System.Net;
using System.Text.Json;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Linking;

/// <summary>Each tenant is its own issuer under <c>/t/{slug}</c>: discovery (OpenID Connect and RFC 8414) lists it and the
/// five endpoints under the prefix; nothing OAuth exists at the site root or under an unknown slug.</summary>
public sealed class DiscoveryTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> DiscoveryAsync(string path) =>
        await ApiAssert.JsonAsync(await api.Factory.CreateClient().GetAsync(path, Ct), HttpStatusCode.OK);

    [Theory]
    [InlineData("/t/{0}/.well-known/openid-configuration")]
    [InlineData("/t/{0}/.well-known/oauth-authorization-server")]
    [InlineData("/.well-known/oauth-authorization-server/t/{0}")]
    [InlineData("/.well-known/openid-configuration/t/{0}")]
    public async Task Discovery_TenantDocument_ListsTheTenantsIssuerAndItsEndpoints(string template)
    {
        var slug = LinkArrange.NewSlug();
        await api.Platform.CreateLinkTenantAsync(slug);

        var document = await DiscoveryAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, slug));

        // App:PublicBaseUrl is configured: the issuer is built on it, not on the request's host.
        var issuer = $"{ApiFixture.PublicBaseUrl}/t/{slug}";
        Assert.Equal(issuer, document.Str("issuer"));
        Assert.Equal($"{issuer}/connect/authorize", document.Str("authorization_endpoint"));
        Assert.Equal($"{issuer}/connect/token", document.Str("token_endpoint"));
        Assert.Equal($"{issuer}/connect/introspect", document.Str("introspection_endpoint"));
        Assert.Equal($"{issuer}/connect/revoke", document.Str("revocation_endpoint"));
        Assert.Equal($"{issuer}/connect/userinfo", document.Str("userinfo_endpoint"));
        Assert.Contains("token", document.GetProperty("response_types_supported").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("implicit", document.GetProperty("grant_types_supported").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("client_secret_basic", document.GetProperty("introspection_endpoint_auth_methods_supported").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Discovery_IssuerMatchesTheIssOfIssuedTokens()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        var token = await api.Factory.LinkForTokenAsync(setup);

        var document = await DiscoveryAsync($"/t/{setup.Slug}/.well-known/openid-configuration");
        var introspection = await LinkAssert.IntrospectAsync(api.Platform, setup.Slug, setup.Skill.ClientId, setup.Skill.ClientSecret, token);

        Assert.Equal(document.Str("issuer"), introspection.Str("iss"));
    }

    [Fact]
    public async Task Discovery_TwoTenants_HaveDifferentIssuers()
    {
        var a = LinkArrange.NewSlug();
        var b = LinkArrange.NewSlug();
        await api.Platform.CreateLinkTenantAsync(a);
        await api.Platform.CreateLinkTenantAsync(b);

        var first = await DiscoveryAsync($"/t/{a}/.well-known/openid-configuration");
        var second = await DiscoveryAsync($"/t/{b}/.well-known/openid-configuration");

        Assert.NotEqual(first.Str("issuer"), second.Str("issuer"));
        Assert.NotEqual(first.Str("authorization_endpoint"), second.Str("authorization_endpoint"));
    }

    [Theory]
    [InlineData("/t/no-such-tenant/.well-known/openid-configuration")]
    [InlineData("/t/no-such-tenant/.well-known/oauth-authorization-server")]
    [InlineData("/.well-known/oauth-authorization-server/t/no-such-tenant")]
    [InlineData("/t/no-such-tenant/connect/authorize?client_id=x&response_type=token&redirect_uri=https%3A%2F%2Fa.example%2F&state=s")]
    [InlineData("/t/no-such-tenant/login")]
    [InlineData("/t/NOT_A_SLUG!/login")]
    [InlineData("/.well-known/openid-configuration")]
    [InlineData("/.well-known/oauth-authorization-server")]
    [InlineData("/connect/authorize?client_id=x&response_type=token&redirect_uri=https%3A%2F%2Fa.example%2F&state=s")]
    [InlineData("/connect/userinfo")]
    [InlineData("/login")]
    public async Task Discovery_UnknownSlugOrSiteRoot_Returns404WithoutRedirect(string path)
    {
        var response = await api.Factory.CreateClient().GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData("/connect/introspect")]
    [InlineData("/connect/revoke")]
    [InlineData("/connect/token")]
    public async Task OAuthEndpoints_AtTheSiteRoot_Return404(string path)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = "x", ["client_id"] = "x", ["client_secret"] = "y" });

        var response = await api.Factory.CreateClient().PostAsync(path, content, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
