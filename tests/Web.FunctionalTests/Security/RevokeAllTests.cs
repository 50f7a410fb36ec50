using System.Net;
using System.Net.Http.Json;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Linking;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;
using AlexaLinkHub.Web.FunctionalTests.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Security;

/// <summary>Incident response: every token of a tenant revoked in one call, after typing its slug; a wrong confirmation
/// revokes nothing. Each link ends through the one way links end (audited per link, webhook).</summary>
public sealed class RevokeAllTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Platform => api.Platform;

    [Fact]
    public async Task RevokeAll_WrongConfirmation_Is400AndRevokesNothing()
    {
        var setup = await Platform.ArrangeLinkAsync();
        var token = await api.Factory.LinkForTokenAsync(setup);

        var response = await Platform.PostAsJsonAsync($"/api/v1/tenants/{setup.Slug}/revoke-all", new { confirmation = "another-tenant" }, Ct);
        var missing = await Platform.PostAsync($"/api/v1/tenants/{setup.Slug}/revoke-all", null, Ct);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "confirmation");
        Assert.Contains(setup.Slug, ApiAssert.ErrorsFor(problem, "confirmation"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True(await LinkAssert.IsActiveAsync(Platform, setup.Skill, token));
        Assert.Empty(await LinkAssert.AuditAsync(Platform, setup.Slug, "token.revoked"));
    }

    [Fact]
    public async Task RevokeAll_TypedSlug_RevokesEveryTokenOfEverySkillAndUser_AndNoOtherTenants()
    {
        var setup = await Platform.ArrangeLinkAsync();
        var second = await Platform.RegisterLinkSkillAsync(setup.Slug);
        var first = await api.Factory.LinkForTokenAsync(setup);
        var other = await api.Factory.LinkForTokenAsync(setup with { Skill = second });
        var elsewhere = await Platform.ArrangeLinkAsync();
        var untouched = await api.Factory.LinkForTokenAsync(elsewhere);

        var response = await Platform.PostAsJsonAsync($"/api/v1/tenants/{setup.Slug}/revoke-all", new { confirmation = setup.Slug }, Ct);

        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(2, body.GetProperty("revoked").GetInt32());
        Assert.False(await LinkAssert.IsActiveAsync(Platform, setup.Skill, first));
        Assert.False(await LinkAssert.IsActiveAsync(Platform, second, other));
        Assert.True(await LinkAssert.IsActiveAsync(Platform, elsewhere.Skill, untouched));
        var revoked = await LinkAssert.AuditAsync(Platform, setup.Slug, "token.revoked");
        Assert.Equal(2, revoked.Count);
        Assert.All(revoked, e => Assert.EndsWith("reason=tenant_revocation", e.Str("details"), StringComparison.Ordinal));
        Assert.Equal("revoked=2", Assert.Single(await LinkAssert.AuditAsync(Platform, setup.Slug, "tenant.tokens_revoked")).Str("details"));
        var again = await ApiAssert.JsonAsync(await Platform.PostAsJsonAsync($"/api/v1/tenants/{setup.Slug}/revoke-all", new { confirmation = setup.Slug }, Ct), HttpStatusCode.OK);
        Assert.Equal(0, again.GetProperty("revoked").GetInt32());
    }

    [Fact]
    public async Task RevokeAll_ByAnotherTenantsKey_IsNotFound()
    {
        var setup = await Platform.ArrangeLinkAsync();
        var token = await api.Factory.LinkForTokenAsync(setup);
        var stranger = ApiFixture.NewSlug("stranger");
        await Platform.CreateTenantOkAsync(stranger);
        using var strangerClient = api.Client(await Platform.CreateTenantKeyAsync(stranger));

        var response = await strangerClient.PostAsJsonAsync($"/api/v1/tenants/{setup.Slug}/revoke-all", new { confirmation = setup.Slug }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(await LinkAssert.IsActiveAsync(Platform, setup.Skill, token));
    }
}
