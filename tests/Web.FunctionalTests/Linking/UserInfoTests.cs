using System.Net;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Linking;

/// <summary>The userinfo endpoint a skill backend calls with <c>Authorization: Bearer &lt;access token&gt;</c>.</summary>
public sealed class UserInfoTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UserInfo_ValidBearerToken_Returns200WithTheUser()
    {
        var setup = await api.Platform.ArrangeLinkAsync(externalId: "crm-42");
        var token = await api.Factory.LinkForTokenAsync(setup);

        var response = await LinkAssert.UserInfoAsync(api.Platform, setup.Slug, token);

        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(setup.User.Id.ToString(), body.Str("sub"));
        Assert.Equal(setup.User.Email, body.Str("email"));
        Assert.Equal("Jo Doe", body.Str("name"));
        Assert.Equal("crm-42", body.Str("external_id"));
        Assert.Equal(setup.Slug, body.Str("tenant"));
        Assert.Equal("order_car basic_profile", body.Str("scope"));
        Assert.Equal(["email", "external_id", "name", "scope", "sub", "tenant"], ApiAssert.PropertyNames(body).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task UserInfo_UserWithoutExternalIdAndOneScope_LeavesExternalIdOut()
    {
        var setup = await api.Platform.ArrangeLinkAsync(externalId: null);
        using var browser = LinkFlowClient.Create(api.Factory);
        var linked = await browser.LinkAsync(setup.AuthorizeUrl(scope: "basic_profile"), setup.User.Email, setup.User.Password);
        var token = LinkAssert.FragmentRedirect(linked, setup.Skill.RedirectUri)["access_token"];

        var body = await ApiAssert.JsonAsync(await LinkAssert.UserInfoAsync(api.Platform, setup.Slug, token), HttpStatusCode.OK);

        Assert.False(body.TryGetProperty("external_id", out _));
        Assert.Equal("basic_profile", body.Str("scope"));
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")]
    public async Task UserInfo_InvalidToken_Returns401WithInvalidTokenChallenge(string token)
    {
        var setup = await api.Platform.ArrangeLinkAsync();

        var response = await LinkAssert.UserInfoAsync(api.Platform, setup.Slug, token);

        LinkAssert.InvalidToken(response);
    }

    [Fact]
    public async Task UserInfo_NoToken_Returns401()
    {
        var setup = await api.Platform.ArrangeLinkAsync();

        var response = await api.Factory.CreateClient().GetAsync($"/t/{setup.Slug}/connect/userinfo", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task UserInfo_TokenOfAnotherTenant_Returns401()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        var other = await api.Platform.ArrangeLinkAsync();
        var token = await api.Factory.LinkForTokenAsync(setup);

        LinkAssert.InvalidToken(await LinkAssert.UserInfoAsync(api.Platform, other.Slug, token));
        Assert.Equal(HttpStatusCode.OK, (await LinkAssert.UserInfoAsync(api.Platform, setup.Slug, token)).StatusCode);
    }
}
