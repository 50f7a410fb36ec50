using System.Net;
using System.Net.Http.Json;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;
using Microsoft.EntityFrameworkCore;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Linking;

/// <summary>Disabling a skill or an end user, or suspending the tenant, stops their tokens at once (nothing is revoked:
/// enabling again brings them back); a suspended tenant's whole prefix is not found.</summary>
public sealed class DeactivationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Platform => api.Platform;

    private async Task PostNoContentAsync(string path) =>
        Assert.Equal(HttpStatusCode.NoContent, (await Platform.PostAsync(path, null, Ct)).StatusCode);

    /// <summary>The admin API has no end-user disable yet: the domain method, saved directly.</summary>
    private Task SetUserEnabledAsync(Guid userId, bool enabled) =>
        api.Factory.WithDbAsync(async db =>
        {
            var user = await db.EndUsers.SingleAsync(u => u.Id == userId, Ct);
            if (enabled)
                user.Enable();
            else
                user.Disable(DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync(Ct);
        });

    [Fact]
    public async Task DisableSkill_TokensStopWorkingAndComeBackWhenEnabled()
    {
        var setup = await Platform.ArrangeLinkAsync();
        var token = await api.Factory.LinkForTokenAsync(setup);
        var skillPath = $"/api/v1/tenants/{setup.Slug}/skills/{setup.Skill.ClientId}";

        await PostNoContentAsync($"{skillPath}/disable");

        // A disabled skill is an unknown client: it cannot even authenticate to introspect.
        var introspection = await LinkAssert.PostAsClientAsync(Platform, $"/t/{setup.Slug}/connect/introspect", setup.Skill.ClientId, setup.Skill.ClientSecret, true, new() { ["token"] = token });
        Assert.Equal(HttpStatusCode.Unauthorized, introspection.StatusCode);
        LinkAssert.InvalidToken(await LinkAssert.UserInfoAsync(Platform, setup.Slug, token));

        await PostNoContentAsync($"{skillPath}/enable");

        Assert.True(await LinkAssert.IsActiveAsync(Platform, setup.Skill, token));
        Assert.Equal(HttpStatusCode.OK, (await LinkAssert.UserInfoAsync(Platform, setup.Slug, token)).StatusCode);
    }

    [Fact]
    public async Task DisableSkill_TokenIntrospectedByASecondSkill_IsInactive()
    {
        var setup = await Platform.ArrangeLinkAsync();
        var token = await api.Factory.LinkForTokenAsync(setup);
        var other = await Platform.RegisterLinkSkillAsync(setup.Slug);

        await PostNoContentAsync($"/api/v1/tenants/{setup.Slug}/skills/{setup.Skill.ClientId}/disable");

        Assert.False(await LinkAssert.IsActiveAsync(Platform, other, token));
    }

    [Fact]
    public async Task DisableUser_TokensStopWorkingAndComeBackWhenEnabled()
    {
        var setup = await Platform.ArrangeLinkAsync();
        var token = await api.Factory.LinkForTokenAsync(setup);

        await SetUserEnabledAsync(setup.User.Id, enabled: false);

        var body = await LinkAssert.IntrospectAsync(Platform, setup.Slug, setup.Skill.ClientId, setup.Skill.ClientSecret, token);
        Assert.Equal("""{"active":false}""", System.Text.Json.JsonSerializer.Serialize(body));
        LinkAssert.InvalidToken(await LinkAssert.UserInfoAsync(Platform, setup.Slug, token));

        await SetUserEnabledAsync(setup.User.Id, enabled: true);

        Assert.True(await LinkAssert.IsActiveAsync(Platform, setup.Skill, token));
        Assert.Equal(HttpStatusCode.OK, (await LinkAssert.UserInfoAsync(Platform, setup.Slug, token)).StatusCode);
    }

    [Fact]
    public async Task DisabledUser_SigningIn_SeesTheDisabledMessageAndCannotLink()
    {
        var setup = await Platform.ArrangeLinkAsync();
        await SetUserEnabledAsync(setup.User.Id, enabled: false);
        using var browser = LinkFlowClient.Create(api.Factory);
        var login = await browser.FollowAsync(await browser.GetPageAsync(setup.AuthorizeUrl()));

        var page = await browser.SignInAsync(login, setup.User.Email, setup.User.Password);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("This account is disabled. Contact Car Fu Rides for help.", page.TextOf("error"));
        Assert.Contains(await LinkAssert.AuditAsync(Platform, setup.Slug, "link.failed"),
            f => f.Str("details") == $"reason=account_disabled; clientId={setup.Skill.ClientId}");
    }

    [Fact]
    public async Task SuspendTenant_EveryTenantUrlIsNotFoundUntilReactivated()
    {
        var setup = await Platform.ArrangeLinkAsync();
        var token = await api.Factory.LinkForTokenAsync(setup);
        string[] pages = [$"/t/{setup.Slug}/login", $"/t/{setup.Slug}/.well-known/openid-configuration", $"/.well-known/oauth-authorization-server/t/{setup.Slug}", setup.AuthorizeUrl()];

        var suspended = await Platform.PatchAsJsonAsync($"/api/v1/tenants/{setup.Slug}", new { status = "suspended" }, Ct);
        Assert.Equal("suspended", (await ApiAssert.JsonAsync(suspended, HttpStatusCode.OK)).Str("status"));

        using var browser = LinkFlowClient.Create(api.Factory);
        foreach (var page in pages)
        {
            var response = await browser.Http.GetAsync(page, Ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Null(response.Headers.Location);
        }
        var introspection = await LinkAssert.PostAsClientAsync(Platform, $"/t/{setup.Slug}/connect/introspect", setup.Skill.ClientId, setup.Skill.ClientSecret, true, new() { ["token"] = token });
        Assert.Equal(HttpStatusCode.NotFound, introspection.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await LinkAssert.UserInfoAsync(Platform, setup.Slug, token)).StatusCode);

        var reactivated = await Platform.PatchAsJsonAsync($"/api/v1/tenants/{setup.Slug}", new { status = "active" }, Ct);
        Assert.Equal("active", (await ApiAssert.JsonAsync(reactivated, HttpStatusCode.OK)).Str("status"));
        Assert.True(await LinkAssert.IsActiveAsync(Platform, setup.Skill, token));
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync($"/t/{setup.Slug}/login", Ct)).StatusCode);
    }

    [Fact]
    public async Task SuspendTenant_TenantKey_CannotDoIt()
    {
        var setup = await Platform.ArrangeLinkAsync();
        using var tenantAdmin = api.Client(await Platform.CreateTenantKeyAsync(setup.Slug));

        var response = await tenantAdmin.PatchAsJsonAsync($"/api/v1/tenants/{setup.Slug}", new { status = "suspended" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Factory.CreateClient().GetAsync($"/t/{setup.Slug}/login", Ct)).StatusCode);
    }
}
