using System.Net;
using System.Text.Json;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Linking;
using AlexaLinkHub.Web.FunctionalTests.Support;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;
using AlexaLinkHub.Web.FunctionalTests.CodeGrant.Support;

namespace AlexaLinkHub.Web.FunctionalTests.CodeGrant;

/// <summary>Revocation covers refresh tokens: revoking one by RFC 7009 ends its grant (the access tokens of the same
/// grant go inactive), and an admin's revocation of a user or a skill leaves no refresh token that still works.</summary>
public sealed class CodeGrantRevocationTests(CodeGrantFixture app) : IClassFixture<CodeGrantFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Http => app.Platform;

    private async Task<JsonElement> SingleLinkAsync(LinkSetup setup) =>
        Assert.Single((await ApiAssert.JsonAsync(await Http.GetAsync($"/api/v1/tenants/{setup.Slug}/users/{setup.User.Id}/links", Ct), HttpStatusCode.OK)).EnumerateArray());

    private static async Task AssertRefreshRefusedAsync(HttpClient http, RegisteredSkill skill, string refreshToken)
    {
        var error = await CodeFlow.ErrorAsync(await CodeFlow.RefreshAsync(http, skill, refreshToken), "invalid_grant");
        Assert.Equal("The specified refresh token is no longer valid.", error.ErrorDescription);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Revoke_RefreshTokenRfc7009_MakesTheGrantsAccessTokensInactive(bool basic)
    {
        var setup = await Http.ArrangeCodeLinkAsync();
        var original = await app.Factory.LinkForTokensAsync(Http, setup);
        var current = await CodeFlow.TokensAsync(await CodeFlow.RefreshAsync(Http, setup.Skill, original.RefreshToken));
        Assert.True(await LinkAssert.IsActiveAsync(Http, setup.Skill, current.AccessToken));

        var response = await LinkAssert.PostAsClientAsync(Http, $"/t/{setup.Slug}/connect/revoke", setup.Skill.ClientId, setup.Skill.ClientSecret, basic,
            new() { ["token"] = current.RefreshToken, ["token_type_hint"] = "refresh_token" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await LinkAssert.IsActiveAsync(Http, setup.Skill, current.AccessToken));
        Assert.False(await LinkAssert.IsActiveAsync(Http, setup.Skill, current.RefreshToken));
        LinkAssert.InvalidToken(await LinkAssert.UserInfoAsync(Http, setup.Slug, current.AccessToken));
        await AssertRefreshRefusedAsync(Http, setup.Skill, current.RefreshToken);
        var link = await SingleLinkAsync(setup);
        Assert.Equal("client_revocation", link.Str("revokedReason"));
        Assert.All(link.GetProperty("tokens").EnumerateArray(), t => Assert.NotEqual("valid", t.Str("status")));
    }

    [Fact]
    public async Task Revoke_AccessTokenRfc7009_EndsTheLinkAndItsRefreshToken()
    {
        var setup = await Http.ArrangeCodeLinkAsync();
        var tokens = await app.Factory.LinkForTokensAsync(Http, setup);

        var response = await LinkAssert.PostAsClientAsync(Http, $"/t/{setup.Slug}/connect/revoke", setup.Skill.ClientId, setup.Skill.ClientSecret, true,
            new() { ["token"] = tokens.AccessToken });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await LinkAssert.IsActiveAsync(Http, setup.Skill, tokens.AccessToken));
        await AssertRefreshRefusedAsync(Http, setup.Skill, tokens.RefreshToken);
    }

    [Fact]
    public async Task Revoke_RefreshTokenByAnotherSkill_RevokesNothing()
    {
        var setup = await Http.ArrangeCodeLinkAsync();
        var other = await Http.RegisterLinkSkillAsync(setup.Slug, CodeFlow.Skill with { Name = "Other skill" });
        var tokens = await app.Factory.LinkForTokensAsync(Http, setup);

        var response = await LinkAssert.PostAsClientAsync(Http, $"/t/{setup.Slug}/connect/revoke", other.ClientId, other.ClientSecret, true,
            new() { ["token"] = tokens.RefreshToken, ["token_type_hint"] = "refresh_token" });

        // RFC 7009 §2.2: answered 200 like any invalid token; the owner's grant is untouched.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await LinkAssert.IsActiveAsync(Http, setup.Skill, tokens.AccessToken));
        await CodeFlow.TokensAsync(await CodeFlow.RefreshAsync(Http, setup.Skill, tokens.RefreshToken));
    }

    [Fact]
    public async Task RevokeUser_ByAdmin_RefreshTokensStopWorking()
    {
        var setup = await Http.ArrangeCodeLinkAsync();
        var tokens = await app.Factory.LinkForTokensAsync(Http, setup);
        var refreshed = await CodeFlow.TokensAsync(await CodeFlow.RefreshAsync(Http, setup.Skill, tokens.RefreshToken));

        var revoked = await ApiAssert.JsonAsync(await Http.PostAsync($"/api/v1/tenants/{setup.Slug}/users/{setup.User.Id}/revoke", null, Ct), HttpStatusCode.OK);

        Assert.Equal(1, revoked.GetProperty("revokedLinks").GetInt32());
        Assert.False(await LinkAssert.IsActiveAsync(Http, setup.Skill, refreshed.AccessToken));
        Assert.False(await LinkAssert.IsActiveAsync(Http, setup.Skill, refreshed.RefreshToken));
        await AssertRefreshRefusedAsync(Http, setup.Skill, refreshed.RefreshToken);
        var link = await SingleLinkAsync(setup);
        Assert.Equal("admin", link.Str("revokedReason"));
        Assert.Contains(link.GetProperty("tokens").EnumerateArray(), t => t.Str("type") == "urn:ietf:params:oauth:token-type:refresh_token" && t.Str("status") == "revoked");
    }

    [Fact]
    public async Task RevokeAll_ForASkill_RefreshTokensOfEveryUserStopWorking()
    {
        var setup = await Http.ArrangeCodeLinkAsync();
        var otherUser = await Http.CreateLinkUserAsync(setup.Slug, $"sam-{Guid.NewGuid():N}@example.com");
        var first = await app.Factory.LinkForTokensAsync(Http, setup);
        var second = await app.Factory.LinkForTokensAsync(Http, setup with { User = otherUser });

        var revoked = await ApiAssert.JsonAsync(await Http.PostAsync($"/api/v1/tenants/{setup.Slug}/skills/{setup.Skill.ClientId}/revoke-all", null, Ct), HttpStatusCode.OK);

        Assert.Equal(2, revoked.GetProperty("revokedLinks").GetInt32());
        await AssertRefreshRefusedAsync(Http, setup.Skill, first.RefreshToken);
        await AssertRefreshRefusedAsync(Http, setup.Skill, second.RefreshToken);
        Assert.False(await LinkAssert.IsActiveAsync(Http, setup.Skill, second.AccessToken));
    }
}
