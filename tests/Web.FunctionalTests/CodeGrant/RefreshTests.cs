using System.Net;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Linking;
using AlexaLinkHub.Web.FunctionalTests.Support;
using Microsoft.EntityFrameworkCore;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;
using AlexaLinkHub.Web.FunctionalTests.CodeGrant.Support;

namespace AlexaLinkHub.Web.FunctionalTests.CodeGrant;

/// <summary><c>grant_type=refresh_token</c> (RFC 6749 §6): every use rotates the refresh token and issues a new pair with
/// the skill's access token lifetime; only the skill that owns the token may use it; a disabled user or skill stops it.
/// (The reuse leeway and months of refreshing are in <see cref="RefreshOverTimeTests"/>.)</summary>
public sealed class RefreshTests(CodeGrantFixture app) : IClassFixture<CodeGrantFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Http => app.Platform;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Refresh_HttpBasicOrBody_RotatesTheRefreshTokenAndReturnsANewPair(bool basic)
    {
        var setup = await Http.ArrangeCodeLinkAsync(CodeFlow.Skill with { AccessTokenLifetimeSeconds = 900 });
        var first = await app.Factory.LinkForTokensAsync(Http, setup);

        var refreshed = await CodeFlow.TokensAsync(await CodeFlow.RefreshAsync(Http, setup.Skill, first.RefreshToken, basic));

        Assert.NotEqual(first.RefreshToken, refreshed.RefreshToken);
        Assert.NotEqual(first.AccessToken, refreshed.AccessToken);
        Assert.Equal(900, refreshed.ExpiresIn);
        Assert.Equal("order_car basic_profile", refreshed.Body.Str("scope"));
        var introspection = await LinkAssert.IntrospectAsync(Http, setup.Slug, setup.Skill.ClientId, setup.Skill.ClientSecret, refreshed.AccessToken);
        Assert.True(introspection.GetProperty("active").GetBoolean());
        Assert.Equal(setup.User.Id.ToString(), introspection.Str("sub"));
        Assert.Equal("order_car basic_profile", introspection.Str("scope"));
        Assert.Equal("crm-42", introspection.Str("external_id"));
        Assert.Equal(900, introspection.GetProperty("exp").GetInt64() - introspection.GetProperty("iat").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await LinkAssert.UserInfoAsync(Http, setup.Slug, refreshed.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task Refresh_RefreshToken_LivesTheSkillsRefreshLifetimeTenYearsByDefault()
    {
        var setup = await Http.ArrangeCodeLinkAsync();
        var first = await app.Factory.LinkForTokensAsync(Http, setup);

        var refreshed = await CodeFlow.TokensAsync(await CodeFlow.RefreshAsync(Http, setup.Skill, first.RefreshToken));

        foreach (var token in new[] { first.RefreshToken, refreshed.RefreshToken })
        {
            var introspection = await LinkAssert.IntrospectAsync(Http, setup.Slug, setup.Skill.ClientId, setup.Skill.ClientSecret, token);
            Assert.True(introspection.GetProperty("active").GetBoolean());
            Assert.Equal("refresh_token", introspection.Str("token_usage"));
            Assert.Equal(3650L * 86400, introspection.GetProperty("exp").GetInt64() - introspection.GetProperty("iat").GetInt64());
        }
    }

    [Fact]
    public async Task Refresh_ByAnotherSkillOfTheTenant_IsInvalidGrantAndLeavesTheTokenToItsOwner()
    {
        var setup = await Http.ArrangeCodeLinkAsync();
        var other = await Http.RegisterLinkSkillAsync(setup.Slug, CodeFlow.Skill with { Name = "Other skill" });
        var tokens = await app.Factory.LinkForTokensAsync(Http, setup);

        var response = await CodeFlow.RefreshAsync(Http, other, tokens.RefreshToken);

        var error = await CodeFlow.ErrorAsync(response, "invalid_grant");
        Assert.Equal("The specified refresh token cannot be used by this client application.", error.ErrorDescription);
        await CodeFlow.TokensAsync(await CodeFlow.RefreshAsync(Http, setup.Skill, tokens.RefreshToken));
    }

    [Fact]
    public async Task Refresh_ByTheSameSkillIdUnderAnotherTenant_IsAnUnknownClient()
    {
        var setup = await Http.ArrangeCodeLinkAsync();
        var stranger = await Http.ArrangeCodeLinkAsync();
        var tokens = await app.Factory.LinkForTokensAsync(Http, setup);

        var response = await CodeFlow.RefreshAsync(Http, setup.Skill with { Slug = stranger.Slug }, tokens.RefreshToken);

        await CodeFlow.ErrorAsync(response, "invalid_client", HttpStatusCode.Unauthorized);
        await CodeFlow.TokensAsync(await CodeFlow.RefreshAsync(Http, setup.Skill, tokens.RefreshToken));
    }

    [Fact]
    public async Task Refresh_UserDisabled_IsInvalidGrantAndWorksAgainOnceEnabled()
    {
        var setup = await Http.ArrangeCodeLinkAsync();
        var tokens = await app.Factory.LinkForTokensAsync(Http, setup);

        await SetUserEnabledAsync(setup.User.Id, enabled: false);
        var error = await CodeFlow.ErrorAsync(await CodeFlow.RefreshAsync(Http, setup.Skill, tokens.RefreshToken), "invalid_grant");
        Assert.Equal("The token is no longer valid.", error.ErrorDescription);
        Assert.False(await LinkAssert.IsActiveAsync(Http, setup.Skill, tokens.AccessToken));

        // Disabling revokes nothing: the refused refresh token was not spent.
        await SetUserEnabledAsync(setup.User.Id, enabled: true);
        await CodeFlow.TokensAsync(await CodeFlow.RefreshAsync(Http, setup.Skill, tokens.RefreshToken));
    }

    [Fact]
    public async Task Refresh_SkillDisabled_IsRefusedAsAnUnknownClient()
    {
        var setup = await Http.ArrangeCodeLinkAsync();
        var tokens = await app.Factory.LinkForTokensAsync(Http, setup);

        Assert.Equal(HttpStatusCode.NoContent, (await Http.PostAsync($"/api/v1/tenants/{setup.Slug}/skills/{setup.Skill.ClientId}/disable", null, Ct)).StatusCode);

        var error = await CodeFlow.ErrorAsync(await CodeFlow.RefreshAsync(Http, setup.Skill, tokens.RefreshToken), "invalid_client", HttpStatusCode.Unauthorized);
        Assert.Equal("The specified 'client_id' is invalid.", error.ErrorDescription);
    }

    [Fact]
    public async Task Refresh_UnknownToken_IsInvalidGrant()
    {
        var setup = await Http.ArrangeCodeLinkAsync();

        var error = await CodeFlow.ErrorAsync(await CodeFlow.RefreshAsync(Http, setup.Skill, "not-a-refresh-token"), "invalid_grant");

        Assert.Equal("The specified refresh token is invalid.", error.ErrorDescription);
    }

    [Fact]
    public async Task Refresh_WithAnAccessToken_IsInvalidGrant()
    {
        var setup = await Http.ArrangeCodeLinkAsync();
        var tokens = await app.Factory.LinkForTokensAsync(Http, setup);

        await CodeFlow.ErrorAsync(await CodeFlow.RefreshAsync(Http, setup.Skill, tokens.AccessToken), "invalid_grant");

        Assert.True(await LinkAssert.IsActiveAsync(Http, setup.Skill, tokens.AccessToken));
    }

    /// <summary>The admin API has no end-user disable yet: the domain method, saved directly.</summary>
    private Task SetUserEnabledAsync(Guid userId, bool enabled) =>
        app.Factory.WithDbAsync(async db =>
        {
            var user = await db.EndUsers.SingleAsync(u => u.Id == userId, Ct);
            if (enabled)
                user.Enable();
            else
                user.Disable(CodeGrantFixture.Start);
            return await db.SaveChangesAsync(Ct);
        });
}
