using System.Net;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;
using Microsoft.Extensions.Time.Testing;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Linking;

/// <summary>What outlives one app instance (signing/encryption and data-protection keys in the database: a restart
/// invalidates no token and no login form) and what time ends (a token past its lifetime).</summary>
public sealed class InstanceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Restart_TokensAndOpenLoginFormsOfTheFirstInstance_StillWorkInTheSecond()
    {
        await using var database = await TestDatabase.CreateAsync();
        LinkSetup setup;
        string token;
        HtmlPage pendingLogin;
        var cookies = new System.Net.CookieContainer();
        await using (var first = AlexaLinkHubFactory.CreateOn(database))
        {
            using var platform = first.CreateApiClient();
            setup = await platform.ArrangeLinkAsync();
            token = await first.LinkForTokenAsync(setup);
            Assert.True(await LinkAssert.IsActiveAsync(platform, setup.Skill, token));
            // A second phone has the login page open (antiforgery cookie and token from this instance) when it stops.
            using var phone = LinkFlowClient.Create(first, cookies);
            pendingLogin = await phone.FollowAsync(await phone.GetPageAsync(setup.AuthorizeUrl("second-phone")));
        }

        await using var second = AlexaLinkHubFactory.CreateOn(database);
        using var http = second.CreateApiClient();

        Assert.True(await LinkAssert.IsActiveAsync(http, setup.Skill, token));
        Assert.Equal(HttpStatusCode.OK, (await LinkAssert.UserInfoAsync(http, setup.Slug, token)).StatusCode);
        using var samePhone = LinkFlowClient.Create(second, cookies);
        var signedIn = await samePhone.SignInAsync(pendingLogin, setup.User.Email, setup.User.Password);
        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
        var linked = await samePhone.DecideAsync(await samePhone.FollowAsync(signedIn), "allow");
        var redirect = LinkAssert.FragmentRedirect(linked, setup.Skill.RedirectUri);
        Assert.Equal("second-phone", redirect["state"]);
        Assert.True(await LinkAssert.IsActiveAsync(http, setup.Skill, redirect["access_token"]));
    }

    [Fact]
    public async Task Restart_TheSecondInstance_CanRevokeATokenOfTheFirst()
    {
        await using var database = await TestDatabase.CreateAsync();
        LinkSetup setup;
        string token;
        await using (var first = AlexaLinkHubFactory.CreateOn(database))
        {
            using var platform = first.CreateApiClient();
            setup = await platform.ArrangeLinkAsync();
            token = await first.LinkForTokenAsync(setup);
        }

        await using var second = AlexaLinkHubFactory.CreateOn(database);
        using var http = second.CreateApiClient();
        var revoked = await http.PostAsync($"/api/v1/tenants/{setup.Slug}/users/{setup.User.Id}/revoke", null, Ct);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.False(await LinkAssert.IsActiveAsync(http, setup.Skill, token));
    }

    [Fact]
    public async Task Token_PastItsLifetime_IsInactiveAndRefusedAtUserInfo()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        await using var factory = await AlexaLinkHubFactory.CreateAsync(clock: clock);
        using var platform = factory.CreateApiClient();
        var setup = await platform.ArrangeLinkAsync(new SkillSpec { AccessTokenLifetimeSeconds = 3600 });
        var token = await factory.LinkForTokenAsync(setup);

        clock.Advance(TimeSpan.FromSeconds(3599));
        Assert.True(await LinkAssert.IsActiveAsync(platform, setup.Skill, token));

        clock.Advance(TimeSpan.FromSeconds(2));
        var body = await LinkAssert.IntrospectAsync(platform, setup.Slug, setup.Skill.ClientId, setup.Skill.ClientSecret, token);
        Assert.Equal("""{"active":false}""", System.Text.Json.JsonSerializer.Serialize(body));
        LinkAssert.InvalidToken(await LinkAssert.UserInfoAsync(platform, setup.Slug, token));
        var links = await ApiAssert.JsonAsync(await platform.GetAsync($"/api/v1/tenants/{setup.Slug}/users/{setup.User.Id}/links", Ct), HttpStatusCode.OK);
        Assert.Equal("expired", links.EnumerateArray().Single().GetProperty("tokens").EnumerateArray().Single().Str("status"));
    }
}
