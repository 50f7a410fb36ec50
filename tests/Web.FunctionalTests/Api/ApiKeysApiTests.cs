using System.Net;
using System.Net.Http.Json;
using AlexaLinkHub.Web.FunctionalTests.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Api;

/// <summary><c>/api/v1/tenants/{slug}/api-keys</c>: a tenant key is shown once, reaches its own tenant only (another
/// tenant answers 404, never 403) and stops working when revoked.</summary>
public sealed class ApiKeysApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> NewTenantAsync()
    {
        var slug = ApiFixture.NewSlug();
        await api.Platform.CreateTenantOkAsync(slug);
        return slug;
    }

    [Fact]
    public async Task CreateApiKey_Returns201WithTheKeyOnce()
    {
        var slug = await NewTenantAsync();

        var response = await api.Platform.PostAsJsonAsync($"/api/v1/tenants/{slug}/api-keys", new { name = "deploy bot" }, Ct);

        var created = await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
        ApiAssert.HasProperties(created, "id", "key", "name", "prefix", "createdAt");
        Assert.NotEqual(Guid.Empty, created.GetProperty("id").GetGuid());
        Assert.Equal("deploy bot", created.Str("name"));
        var key = created.Str("key");
        Assert.StartsWith("alh_", key, StringComparison.Ordinal);
        Assert.True(key.Length >= 40, "An API key must carry enough entropy.");
        Assert.StartsWith(created.Str("prefix"), key, StringComparison.Ordinal);
        Assert.True(created.Str("prefix").Length < key.Length);
        Assert.NotNull(response.Headers.Location);
    }

    [Fact]
    public async Task CreateApiKey_MissingName_Returns400NamingName()
    {
        var slug = await NewTenantAsync();

        await ApiAssert.ProblemAsync(await api.Platform.PostAsJsonAsync($"/api/v1/tenants/{slug}/api-keys", new { }, Ct), HttpStatusCode.BadRequest, "name");
    }

    [Fact]
    public async Task ListApiKeys_ShowsPrefixesButNeverTheKey()
    {
        var slug = await NewTenantAsync();
        var key = await api.Platform.CreateTenantKeyAsync(slug, "listed");

        var list = await ApiAssert.JsonAsync(await api.Platform.GetAsync($"/api/v1/tenants/{slug}/api-keys", Ct), HttpStatusCode.OK);

        var listed = Assert.Single(list.EnumerateArray());
        ApiAssert.HasProperties(listed, "id", "name", "prefix", "active", "createdAt", "revokedAt");
        Assert.DoesNotContain("key", ApiAssert.PropertyNames(listed));
        Assert.Equal("listed", listed.Str("name"));
        Assert.True(listed.GetProperty("active").GetBoolean());
        Assert.StartsWith(listed.Str("prefix"), key, StringComparison.Ordinal);
        Assert.DoesNotContain(key, list.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenantKey_OnItsOwnTenant_Works()
    {
        var slug = await NewTenantAsync();
        using var tenantClient = api.Client(await api.Platform.CreateTenantKeyAsync(slug));

        var tenant = await ApiAssert.JsonAsync(await tenantClient.GetAsync($"/api/v1/tenants/{slug}", Ct), HttpStatusCode.OK);
        Assert.Equal(slug, tenant.Str("slug"));
        await tenantClient.RegisterSkillOkAsync(slug, SkillBodies.Valid(SkillBodies.NewClientId()));
        await tenantClient.CreateUserOkAsync(slug, "jo@example.com");
        var skills = await ApiAssert.JsonAsync(await tenantClient.GetAsync($"/api/v1/tenants/{slug}/skills", Ct), HttpStatusCode.OK);
        Assert.Single(skills.EnumerateArray());
        var users = await ApiAssert.JsonAsync(await tenantClient.GetAsync($"/api/v1/tenants/{slug}/users", Ct), HttpStatusCode.OK);
        Assert.Equal(1, users.GetProperty("totalCount").GetInt32());
    }

    [Theory]
    [InlineData("")]
    [InlineData("/skills")]
    [InlineData("/users")]
    [InlineData("/api-keys")]
    [InlineData("/audit")]
    public async Task TenantKey_OnAnotherTenantsPath_Returns404NotForbidden(string path)
    {
        var own = await NewTenantAsync();
        var other = await NewTenantAsync();
        using var tenantClient = api.Client(await api.Platform.CreateTenantKeyAsync(own));

        var existing = await tenantClient.GetAsync($"/api/v1/tenants/{other}{path}", Ct);
        var missing = await tenantClient.GetAsync($"/api/v1/tenants/{ApiFixture.NewSlug("ghost")}{path}", Ct);

        var existingProblem = await ApiAssert.ProblemAsync(existing, HttpStatusCode.NotFound);
        var missingProblem = await ApiAssert.ProblemAsync(missing, HttpStatusCode.NotFound);
        // The same answer whether the other tenant exists or not: nothing confirms its existence.
        Assert.Equal(missingProblem.Str("title"), existingProblem.Str("title"));
        Assert.Equal(missingProblem.GetProperty("detail").GetString(), existingProblem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TenantKey_WritingToAnotherTenant_Returns404AndWritesNothing()
    {
        var own = await NewTenantAsync();
        var other = await NewTenantAsync();
        using var tenantClient = api.Client(await api.Platform.CreateTenantKeyAsync(own));

        await ApiAssert.ProblemAsync(await tenantClient.RegisterSkillAsync(other, SkillBodies.Valid(SkillBodies.NewClientId())), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await tenantClient.CreateUserAsync(other, "intruder@example.com"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await tenantClient.PatchAsJsonAsync($"/api/v1/tenants/{other}", new { displayName = "Owned" }, Ct), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await tenantClient.PostAsJsonAsync($"/api/v1/tenants/{other}/api-keys", new { name = "backdoor" }, Ct), HttpStatusCode.NotFound);

        var skills = await ApiAssert.JsonAsync(await api.Platform.GetAsync($"/api/v1/tenants/{other}/skills", Ct), HttpStatusCode.OK);
        Assert.Empty(skills.EnumerateArray());
        var users = await ApiAssert.JsonAsync(await api.Platform.GetAsync($"/api/v1/tenants/{other}/users", Ct), HttpStatusCode.OK);
        Assert.Equal(0, users.GetProperty("totalCount").GetInt32());
        var keys = await ApiAssert.JsonAsync(await api.Platform.GetAsync($"/api/v1/tenants/{other}/api-keys", Ct), HttpStatusCode.OK);
        Assert.Empty(keys.EnumerateArray());
        var tenant = await ApiAssert.JsonAsync(await api.Platform.GetAsync($"/api/v1/tenants/{other}", Ct), HttpStatusCode.OK);
        Assert.Equal(other, tenant.Str("displayName"));
    }

    [Fact]
    public async Task RevokeApiKey_Returns204AndTheKeyThenGets401()
    {
        var slug = await NewTenantAsync();
        var created = await ApiAssert.JsonAsync(
            await api.Platform.PostAsJsonAsync($"/api/v1/tenants/{slug}/api-keys", new { name = "temporary" }, Ct), HttpStatusCode.Created);
        using var tenantClient = api.Client(created.Str("key"));
        await ApiAssert.JsonAsync(await tenantClient.GetAsync($"/api/v1/tenants/{slug}", Ct), HttpStatusCode.OK);

        var response = await api.Platform.DeleteAsync($"/api/v1/tenants/{slug}/api-keys/{created.GetProperty("id").GetGuid()}", Ct);

        await ApiAssert.AssertStatusAsync(response, HttpStatusCode.NoContent);
        var refused = await tenantClient.GetAsync($"/api/v1/tenants/{slug}", Ct);
        await ApiAssert.ProblemAsync(refused, HttpStatusCode.Unauthorized);
        Assert.True(ApiAssert.HasBearerChallenge(refused));
        var listed = Assert.Single((await ApiAssert.JsonAsync(await api.Platform.GetAsync($"/api/v1/tenants/{slug}/api-keys", Ct), HttpStatusCode.OK)).EnumerateArray());
        Assert.False(listed.GetProperty("active").GetBoolean());
        Assert.NotNull(listed.GetProperty("revokedAt").GetString());
    }

    [Fact]
    public async Task RevokeApiKey_OfAnotherTenant_Returns404AndTheKeyKeepsWorking()
    {
        var own = await NewTenantAsync();
        var other = await NewTenantAsync();
        var otherKey = await ApiAssert.JsonAsync(
            await api.Platform.PostAsJsonAsync($"/api/v1/tenants/{other}/api-keys", new { name = "theirs" }, Ct), HttpStatusCode.Created);

        var response = await api.Platform.DeleteAsync($"/api/v1/tenants/{own}/api-keys/{otherKey.GetProperty("id").GetGuid()}", Ct);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
        using var otherClient = api.Client(otherKey.Str("key"));
        await ApiAssert.JsonAsync(await otherClient.GetAsync($"/api/v1/tenants/{other}", Ct), HttpStatusCode.OK);
    }
}
