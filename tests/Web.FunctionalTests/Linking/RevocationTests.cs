using System.Net;
using System.Text.Json;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Linking;

/// <summary>Revocation by the skill (RFC 7009, what a vendor calls on Alexa's SkillDisabled event) and by an admin: the
/// token is inactive at introspection the moment the call returns, the link shows revoked, and it is audited.</summary>
public sealed class RevocationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Platform => api.Platform;

    private async Task<JsonElement> LinksAsync(LinkSetup setup) =>
        await ApiAssert.JsonAsync(await Platform.GetAsync($"/api/v1/tenants/{setup.Slug}/users/{setup.User.Id}/links", Ct), HttpStatusCode.OK);

    private async Task AssertRevokedAsync(LinkSetup setup, string token, string reason, int revokedEvents = 1)
    {
        Assert.False(await LinkAssert.IsActiveAsync(Platform, setup.Skill, token));
        var link = (await LinksAsync(setup)).EnumerateArray().First();
        Assert.NotEqual(JsonValueKind.Null, link.GetProperty("revokedAt").ValueKind);
        Assert.Equal(reason, link.Str("revokedReason"));
        Assert.All(link.GetProperty("tokens").EnumerateArray(), t => Assert.Equal("revoked", t.Str("status")));
        var events = await LinkAssert.AuditAsync(Platform, setup.Slug, "token.revoked");
        Assert.Equal(revokedEvents, events.Count);
        Assert.Equal($"user:{setup.User.Id}", events[0].Str("target"));
        Assert.StartsWith($"clientId={setup.Skill.ClientId}; linkId={link.GetProperty("id").GetGuid()}; reason={reason}", events[0].Str("details"), StringComparison.Ordinal);
        Assert.DoesNotContain(token, events[0].GetRawText(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> RevokedCountAsync(HttpResponseMessage response, int expected)
    {
        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(expected, body.GetProperty("revokedLinks").GetInt32());
        return body;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Revoke_BySkillRfc7009_MakesTheTokenInactiveAtOnceAndEndsTheLink(bool basic)
    {
        var setup = await Platform.ArrangeLinkAsync();
        var token = await api.Factory.LinkForTokenAsync(setup);
        Assert.True(await LinkAssert.IsActiveAsync(Platform, setup.Skill, token));

        var response = await LinkAssert.PostAsClientAsync(Platform, $"/t/{setup.Slug}/connect/revoke", setup.Skill.ClientId, setup.Skill.ClientSecret, basic,
            new() { ["token"] = token, ["token_type_hint"] = "access_token" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertRevokedAsync(setup, token, "client_revocation");
        LinkAssert.InvalidToken(await LinkAssert.UserInfoAsync(Platform, setup.Slug, token));
    }

    [Fact]
    public async Task Revoke_ByAnotherSkill_LeavesTheTokenActive()
    {
        var setup = await Platform.ArrangeLinkAsync();
        var other = await Platform.RegisterLinkSkillAsync(setup.Slug);
        var token = await api.Factory.LinkForTokenAsync(setup);

        var response = await LinkAssert.PostAsClientAsync(Platform, $"/t/{setup.Slug}/connect/revoke", other.ClientId, other.ClientSecret, true, new() { ["token"] = token });

        // RFC 7009 §2.2: an invalid token (here: someone else's) is answered 200 as well; nothing is revoked.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await LinkAssert.IsActiveAsync(Platform, setup.Skill, token));
        Assert.Empty(await LinkAssert.AuditAsync(Platform, setup.Slug, "token.revoked"));
    }

    [Fact]
    public async Task RevokeUser_AllTokens_MakesThemInactiveTheMomentItReturns()
    {
        var setup = await Platform.ArrangeLinkAsync();
        var token = await api.Factory.LinkForTokenAsync(setup);

        await RevokedCountAsync(await Platform.PostAsync($"/api/v1/tenants/{setup.Slug}/users/{setup.User.Id}/revoke", null, Ct), 1);

        await AssertRevokedAsync(setup, token, "admin");
    }

    [Fact]
    public async Task RevokeUser_WithClientId_RevokesOnlyThatSkillsTokens()
    {
        var setup = await Platform.ArrangeLinkAsync();
        var second = await Platform.RegisterLinkSkillAsync(setup.Slug, new SkillSpec { Name = "Car Fu Deluxe" });
        var secondSetup = setup with { Skill = second };
        var first = await api.Factory.LinkForTokenAsync(setup);
        var other = await api.Factory.LinkForTokenAsync(secondSetup);

        await RevokedCountAsync(await Platform.PostAsync($"/api/v1/tenants/{setup.Slug}/users/{setup.User.Id}/revoke?clientId={second.ClientId}", null, Ct), 1);

        Assert.False(await LinkAssert.IsActiveAsync(Platform, second, other));
        Assert.True(await LinkAssert.IsActiveAsync(Platform, setup.Skill, first));
        var events = await LinkAssert.AuditAsync(Platform, setup.Slug, "token.revoked");
        Assert.Contains($"clientId={second.ClientId};", Assert.Single(events).Str("details"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeAll_ForASkill_RevokesEveryUsersTokens()
    {
        var setup = await Platform.ArrangeLinkAsync();
        var otherUser = await Platform.CreateLinkUserAsync(setup.Slug, $"sam-{Guid.NewGuid():N}@example.com");
        var otherSkill = await Platform.RegisterLinkSkillAsync(setup.Slug);
        var first = await api.Factory.LinkForTokenAsync(setup);
        var second = await api.Factory.LinkForTokenAsync(setup with { User = otherUser });
        var untouched = await api.Factory.LinkForTokenAsync(setup with { Skill = otherSkill });

        await RevokedCountAsync(await Platform.PostAsync($"/api/v1/tenants/{setup.Slug}/skills/{setup.Skill.ClientId}/revoke-all", null, Ct), 2);

        Assert.False(await LinkAssert.IsActiveAsync(Platform, setup.Skill, first));
        Assert.False(await LinkAssert.IsActiveAsync(Platform, setup.Skill, second));
        Assert.True(await LinkAssert.IsActiveAsync(Platform, otherSkill, untouched));
        var events = await LinkAssert.AuditAsync(Platform, setup.Slug, "token.revoked");
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.EndsWith("reason=skill_revocation", e.Str("details"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeleteToken_ByIdFromTheLinks_MakesItInactiveTheMomentItReturns()
    {
        var setup = await Platform.ArrangeLinkAsync();
        var token = await api.Factory.LinkForTokenAsync(setup);
        var kept = await api.Factory.LinkForTokenAsync(setup);
        var links = (await LinksAsync(setup)).EnumerateArray().ToList();
        // Newest first: the second link is the one of the first token.
        var tokenId = Assert.Single(links[1].GetProperty("tokens").EnumerateArray()).Str("id");

        await RevokedCountAsync(await Platform.DeleteAsync($"/api/v1/tenants/{setup.Slug}/tokens/{tokenId}", Ct), 1);

        Assert.False(await LinkAssert.IsActiveAsync(Platform, setup.Skill, token));
        Assert.True(await LinkAssert.IsActiveAsync(Platform, setup.Skill, kept));
        var revoked = (await LinksAsync(setup)).EnumerateArray().Single(l => l.GetProperty("revokedAt").ValueKind != JsonValueKind.Null);
        Assert.Equal(links[1].GetProperty("id").GetGuid(), revoked.GetProperty("id").GetGuid());
        Assert.Equal("admin", revoked.Str("revokedReason"));
        Assert.Single(await LinkAssert.AuditAsync(Platform, setup.Slug, "token.revoked"));
    }

    [Fact]
    public async Task DeleteToken_OfAnotherTenant_Returns404AndRevokesNothing()
    {
        var setup = await Platform.ArrangeLinkAsync();
        var other = await Platform.ArrangeLinkAsync();
        var token = await api.Factory.LinkForTokenAsync(setup);
        var tokenId = (await LinksAsync(setup)).EnumerateArray().Single().GetProperty("tokens").EnumerateArray().Single().Str("id");

        await ApiAssert.ProblemAsync(await Platform.DeleteAsync($"/api/v1/tenants/{other.Slug}/tokens/{tokenId}", Ct), HttpStatusCode.NotFound);

        Assert.True(await LinkAssert.IsActiveAsync(Platform, setup.Skill, token));
    }

    [Fact]
    public async Task RevokeUser_TenantKeyOfAnotherTenant_Returns404()
    {
        var setup = await Platform.ArrangeLinkAsync();
        var other = await Platform.ArrangeLinkAsync();
        var token = await api.Factory.LinkForTokenAsync(setup);
        using var otherAdmin = api.Client(await Platform.CreateTenantKeyAsync(other.Slug));

        await ApiAssert.ProblemAsync(await otherAdmin.PostAsync($"/api/v1/tenants/{setup.Slug}/users/{setup.User.Id}/revoke", null, Ct), HttpStatusCode.NotFound);

        Assert.True(await LinkAssert.IsActiveAsync(Platform, setup.Skill, token));
    }
}
