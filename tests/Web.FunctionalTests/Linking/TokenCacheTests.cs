using System.Net;
using System.Net.Http.Json;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;
using AlexaLinkHub.Web.FunctionalTests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AlexaLinkHub.Web.FunctionalTests.Linking;

/// <summary>The token fast path (docs/decisions/014): a token answered once is answered again from memory — with the
/// same bytes — and every way a token stops working takes effect on the very next request, although the answer is
/// cached; a cached answer never crosses a skill or a tenant, and expiry needs no eviction.</summary>
public sealed class TokenCacheTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Platform => api.Platform;

    /// <summary>A linked token whose introspection and userinfo answers are in the cache (each asked twice).</summary>
    private async Task<(LinkSetup Setup, string Token)> CachedTokenAsync()
    {
        var setup = await Platform.ArrangeLinkAsync();
        var token = await api.Factory.LinkForTokenAsync(setup);
        for (var i = 0; i < 2; i++)
        {
            Assert.True(await LinkAssert.IsActiveAsync(Platform, setup.Skill, token));
            Assert.Equal(HttpStatusCode.OK, (await LinkAssert.UserInfoAsync(Platform, setup.Slug, token)).StatusCode);
        }
        return (setup, token);
    }

    private static async Task AssertInactiveAsync(HttpClient http, LinkSetup setup, string token)
    {
        Assert.False(await LinkAssert.IsActiveAsync(http, setup.Skill, token));
        LinkAssert.InvalidToken(await LinkAssert.UserInfoAsync(http, setup.Slug, token));
    }

    private async Task PostOkAsync(string path, object? body = null)
    {
        var response = body is null ? await Platform.PostAsync(path, null, Ct) : await Platform.PostAsJsonAsync(path, body, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    [Fact]
    public async Task CachedAnswer_IsTheServersAnswer_BytesAndHeaders()
    {
        var setup = await Platform.ArrangeLinkAsync();
        var token = await api.Factory.LinkForTokenAsync(setup);
        var form = new Dictionary<string, string> { ["token"] = token };

        var first = await LinkAssert.PostAsClientAsync(Platform, $"/t/{setup.Slug}/connect/introspect", setup.Skill.ClientId, setup.Skill.ClientSecret, true, new(form));
        var second = await LinkAssert.PostAsClientAsync(Platform, $"/t/{setup.Slug}/connect/introspect", setup.Skill.ClientId, setup.Skill.ClientSecret, true, new(form));
        var firstInfo = await LinkAssert.UserInfoAsync(Platform, setup.Slug, token);
        var secondInfo = await LinkAssert.UserInfoAsync(Platform, setup.Slug, token);

        foreach (var (server, cached) in new[] { (first, second), (firstInfo, secondInfo) })
        {
            Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
            Assert.Equal(await server.Content.ReadAsByteArrayAsync(Ct), await cached.Content.ReadAsByteArrayAsync(Ct));
            Assert.Equal(server.Content.Headers.ContentType, cached.Content.Headers.ContentType);
            Assert.Equal("no-store", cached.Headers.CacheControl?.ToString());
            Assert.Equal("no-cache", cached.Headers.Pragma.ToString());
            // JSON endpoints are no pages: no page policy.
            Assert.False(cached.Headers.Contains("Content-Security-Policy"));
        }
        Assert.Contains("\"active\": true", await second.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CachedToken_RevokedByTheSkill_Rfc7009_IsInactiveOnTheNextRequest()
    {
        var (setup, token) = await CachedTokenAsync();
        var revoke = await LinkAssert.PostAsClientAsync(Platform, $"/t/{setup.Slug}/connect/revoke", setup.Skill.ClientId, setup.Skill.ClientSecret, true, new() { ["token"] = token });
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        await AssertInactiveAsync(Platform, setup, token);
    }

    [Fact]
    public async Task CachedToken_RevokedByAnAdmin_ByUser_IsInactiveOnTheNextRequest()
    {
        var (setup, token) = await CachedTokenAsync();
        await PostOkAsync($"/api/v1/tenants/{setup.Slug}/users/{setup.User.Id}/revoke");
        await AssertInactiveAsync(Platform, setup, token);
    }

    [Fact]
    public async Task CachedToken_RevokedByAnAdmin_ByToken_IsInactiveOnTheNextRequest()
    {
        var (setup, token) = await CachedTokenAsync();
        var links = await ApiAssert.JsonAsync(await Platform.GetAsync($"/api/v1/tenants/{setup.Slug}/users/{setup.User.Id}/links", Ct), HttpStatusCode.OK);
        var tokenId = links[0].GetProperty("tokens")[0].GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await Platform.DeleteAsync($"/api/v1/tenants/{setup.Slug}/tokens/{tokenId}", Ct)).StatusCode);
        await AssertInactiveAsync(Platform, setup, token);
    }

    [Fact]
    public async Task CachedToken_RevokedForTheSkillOrTheTenant_IsInactiveOnTheNextRequest()
    {
        var (skillSetup, skillToken) = await CachedTokenAsync();
        await PostOkAsync($"/api/v1/tenants/{skillSetup.Slug}/skills/{skillSetup.Skill.ClientId}/revoke-all");
        await AssertInactiveAsync(Platform, skillSetup, skillToken);

        var (tenantSetup, tenantToken) = await CachedTokenAsync();
        await PostOkAsync($"/api/v1/tenants/{tenantSetup.Slug}/revoke-all", new { confirmation = tenantSetup.Slug });
        await AssertInactiveAsync(Platform, tenantSetup, tenantToken);
    }

    [Fact]
    public async Task CachedToken_OfAUserThenDisabled_IsInactive_AndActiveAgainWhenEnabled()
    {
        var (setup, token) = await CachedTokenAsync();
        await api.Factory.SetEndUserEnabledAsync(setup.User.Id, false);
        await AssertInactiveAsync(Platform, setup, token);

        await api.Factory.SetEndUserEnabledAsync(setup.User.Id, true);
        Assert.True(await LinkAssert.IsActiveAsync(Platform, setup.Skill, token));
    }

    [Fact]
    public async Task CachedToken_OfADisabledSkill_OrASuspendedTenant_StopsWorkingOnTheNextRequest()
    {
        var (setup, token) = await CachedTokenAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await Platform.PostAsync($"/api/v1/tenants/{setup.Slug}/skills/{setup.Skill.ClientId}/disable", null, Ct)).StatusCode);
        var introspection = await LinkAssert.PostAsClientAsync(Platform, $"/t/{setup.Slug}/connect/introspect", setup.Skill.ClientId, setup.Skill.ClientSecret, true, new() { ["token"] = token });
        Assert.Equal(HttpStatusCode.Unauthorized, introspection.StatusCode);
        LinkAssert.InvalidToken(await LinkAssert.UserInfoAsync(Platform, setup.Slug, token));

        var (tenantSetup, tenantToken) = await CachedTokenAsync();
        var suspended = await Platform.PatchAsJsonAsync($"/api/v1/tenants/{tenantSetup.Slug}", new { status = "suspended" }, Ct);
        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        var suspendedIntrospection = await LinkAssert.PostAsClientAsync(Platform, $"/t/{tenantSetup.Slug}/connect/introspect", tenantSetup.Skill.ClientId, tenantSetup.Skill.ClientSecret, true, new() { ["token"] = tenantToken });
        Assert.Equal(HttpStatusCode.NotFound, suspendedIntrospection.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await LinkAssert.UserInfoAsync(Platform, tenantSetup.Slug, tenantToken)).StatusCode);
    }

    [Fact]
    public async Task CachedAnswer_NeverCrossesASkillOrATenant()
    {
        var (setup, token) = await CachedTokenAsync();
        var sibling = await Platform.RegisterLinkSkillAsync(setup.Slug, new SkillSpec { Name = "Sibling" });
        var elsewhere = await Platform.ArrangeLinkAsync();

        Assert.False(await LinkAssert.IsActiveAsync(Platform, sibling, token));
        Assert.False(await LinkAssert.IsActiveAsync(Platform, elsewhere.Skill, token));
        LinkAssert.InvalidToken(await LinkAssert.UserInfoAsync(Platform, elsewhere.Slug, token));
        // The owner's answer is unchanged by the strangers' questions.
        Assert.True(await LinkAssert.IsActiveAsync(Platform, setup.Skill, token));
    }

    [Fact]
    public async Task CachedAnswer_WithAWrongSecret_IsRefused()
    {
        var (setup, token) = await CachedTokenAsync();
        var response = await LinkAssert.PostAsClientAsync(Platform, $"/t/{setup.Slug}/connect/introspect", setup.Skill.ClientId, setup.Skill.ClientSecret + "x", true, new() { ["token"] = token });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task CachedToken_PastItsLifetime_IsInactiveWithoutAnyEviction()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        await using var factory = await AlexaLinkHubFactory.CreateAsync(clock: clock);
        using var platform = factory.CreateApiClient();
        var setup = await platform.ArrangeLinkAsync(new SkillSpec { AccessTokenLifetimeSeconds = 3600 });
        var token = await factory.LinkForTokenAsync(setup);
        for (var i = 0; i < 2; i++)
        {
            Assert.True(await LinkAssert.IsActiveAsync(platform, setup.Skill, token));
            Assert.Equal(HttpStatusCode.OK, (await LinkAssert.UserInfoAsync(platform, setup.Slug, token)).StatusCode);
        }

        clock.Advance(TimeSpan.FromSeconds(3601));

        await AssertInactiveAsync(platform, setup, token);
    }
}
