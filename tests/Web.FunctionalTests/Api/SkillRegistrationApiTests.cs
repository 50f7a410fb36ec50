using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlexaLinkHub.Web.FunctionalTests.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Api;

/// <summary><c>POST /api/v1/tenants/{slug}/skills</c>: the answer a vendor pastes into the Alexa console, and Alexa's
/// limits refused with the field named.</summary>
public sealed class SkillRegistrationApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> NewTenantAsync()
    {
        var slug = ApiFixture.NewSlug("carfu");
        await api.Platform.CreateTenantOkAsync(slug);
        return slug;
    }

    private async Task AssertNoSkillsAsync(string slug)
    {
        var skills = await ApiAssert.JsonAsync(await api.Platform.GetAsync($"/api/v1/tenants/{slug}/skills", Ct), HttpStatusCode.OK);
        Assert.Empty(skills.EnumerateArray());
    }

    [Fact]
    public async Task RegisterSkill_Valid_Returns201WithSecretAndTheConsoleUris()
    {
        var slug = await NewTenantAsync();
        var clientId = SkillBodies.NewClientId();

        var response = await api.Platform.RegisterSkillAsync(slug, SkillBodies.Valid(clientId));

        var skill = await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
        ApiAssert.HasProperties(skill, "id", "clientId", "clientSecret", "name", "grantType", "scopes", "domains", "redirectUrls",
            "accessTokenLifetimeSeconds", "enabled", "authorizationUri", "tokenUri", "createdAt");
        Assert.Equal(clientId, skill.Str("clientId"));
        Assert.True(skill.Str("clientSecret").Length >= 32, "The client secret must be long and random.");
        Assert.Equal($"{ApiFixture.PublicBaseUrl}/t/{slug}/connect/authorize", skill.Str("authorizationUri"));
        Assert.Equal($"{ApiFixture.PublicBaseUrl}/t/{slug}/connect/token", skill.Str("tokenUri"));
        Assert.Equal("Car Fu", skill.Str("name"));
        Assert.Equal("implicit", skill.Str("grantType"));
        Assert.Equal(3600, skill.GetProperty("accessTokenLifetimeSeconds").GetInt32());
        Assert.True(skill.GetProperty("enabled").GetBoolean());
        var scope = skill.GetProperty("scopes")[0];
        Assert.Equal("taxi.order", scope.Str("name"));
        Assert.Equal("order a taxi on your behalf", scope.Str("description"));
        Assert.Equal(["cdn.carfu.example"], skill.GetProperty("domains").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal([SkillBodies.PitanguiRedirect, SkillBodies.LaylaRedirect], skill.GetProperty("redirectUrls").EnumerateArray().Select(d => d.GetString()));

        Assert.NotNull(response.Headers.Location);
        var location = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location);
        var fetched = await ApiAssert.JsonAsync(await api.Platform.GetAsync(location, Ct), HttpStatusCode.OK);
        Assert.Equal(clientId, fetched.Str("clientId"));
    }

    [Fact]
    public async Task RegisterSkill_WithoutClientId_GeneratesOne()
    {
        var slug = await NewTenantAsync();

        var skill = await api.Platform.RegisterSkillOkAsync(slug, SkillBodies.Valid(clientId: null));

        Assert.Matches("^[A-Za-z0-9._~-]{3,100}$", skill.Str("clientId"));
    }

    [Fact]
    public async Task RegisterSkill_AuthorizationCodeGrant_Returns201WithThatGrant()
    {
        var slug = await NewTenantAsync();
        var body = SkillBodies.Valid(SkillBodies.NewClientId());
        body["grantType"] = "authorization_code";

        var skill = await api.Platform.RegisterSkillOkAsync(slug, body);

        Assert.Equal("authorization_code", skill.Str("grantType"));
    }

    [Fact]
    public async Task RegisterSkill_ByTenantKey_Returns201()
    {
        var slug = await NewTenantAsync();
        using var tenantClient = api.Client(await api.Platform.CreateTenantKeyAsync(slug));

        var skill = await tenantClient.RegisterSkillOkAsync(slug, SkillBodies.Valid(SkillBodies.NewClientId()));

        Assert.Equal($"{ApiFixture.PublicBaseUrl}/t/{slug}/connect/authorize", skill.Str("authorizationUri"));
    }

    [Fact]
    public async Task RegisterSkill_SixteenScopes_Returns400NamingScopesAndTheLimit()
    {
        var slug = await NewTenantAsync();
        var body = SkillBodies.Valid(SkillBodies.NewClientId());
        body["scopes"] = SkillBodies.Scopes(16);

        var problem = await ApiAssert.ProblemAsync(await api.Platform.RegisterSkillAsync(slug, body), HttpStatusCode.BadRequest, "scopes");

        Assert.Contains("15", ApiAssert.ErrorsFor(problem, "scopes"), StringComparison.Ordinal);
        await AssertNoSkillsAsync(slug);
    }

    [Fact]
    public async Task RegisterSkill_FifteenScopes_Returns201()
    {
        var slug = await NewTenantAsync();
        var body = SkillBodies.Valid(SkillBodies.NewClientId());
        body["scopes"] = SkillBodies.Scopes(15);

        var skill = await api.Platform.RegisterSkillOkAsync(slug, body);

        Assert.Equal(15, skill.GetProperty("scopes").GetArrayLength());
    }

    [Fact]
    public async Task RegisterSkill_ThirtyOneDomains_Returns400NamingDomainsAndTheLimit()
    {
        var slug = await NewTenantAsync();
        var body = SkillBodies.Valid(SkillBodies.NewClientId());
        body["domains"] = SkillBodies.Domains(31);

        var problem = await ApiAssert.ProblemAsync(await api.Platform.RegisterSkillAsync(slug, body), HttpStatusCode.BadRequest, "domains");

        Assert.Contains("30", ApiAssert.ErrorsFor(problem, "domains"), StringComparison.Ordinal);
        await AssertNoSkillsAsync(slug);
    }

    [Fact]
    public async Task RegisterSkill_ThirtyDomains_Returns201()
    {
        var slug = await NewTenantAsync();
        var body = SkillBodies.Valid(SkillBodies.NewClientId());
        body["domains"] = SkillBodies.Domains(30);

        var skill = await api.Platform.RegisterSkillOkAsync(slug, body);

        Assert.Equal(30, skill.GetProperty("domains").GetArrayLength());
    }

    [Theory]
    [InlineData("http://pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA")]
    [InlineData("https://pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA#frag")]
    [InlineData("https://user:pass@pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA")]
    [InlineData("/api/skill/link/M2AAAAAAAAAAAA")]
    public async Task RegisterSkill_UnacceptableRedirectUrl_Returns400NamingTheEntry(string redirectUrl)
    {
        var slug = await NewTenantAsync();
        var body = SkillBodies.Valid(SkillBodies.NewClientId());
        body["redirectUrls"] = new JsonArray(redirectUrl, SkillBodies.LaylaRedirect);

        var problem = await ApiAssert.ProblemAsync(await api.Platform.RegisterSkillAsync(slug, body), HttpStatusCode.BadRequest, "redirectUrls[0]");

        Assert.DoesNotContain("redirectUrls[1]", ApiAssert.ErrorFields(problem));
        await AssertNoSkillsAsync(slug);
    }

    [Fact]
    public async Task RegisterSkill_NoRedirectUrl_Returns400NamingRedirectUrls()
    {
        var slug = await NewTenantAsync();
        var body = SkillBodies.Valid(SkillBodies.NewClientId());
        body["redirectUrls"] = new JsonArray();

        await ApiAssert.ProblemAsync(await api.Platform.RegisterSkillAsync(slug, body), HttpStatusCode.BadRequest, "redirectUrls");
    }

    [Fact]
    public async Task RegisterSkill_ScopeWithASpace_Returns400NamingThatScope()
    {
        var slug = await NewTenantAsync();
        var body = SkillBodies.Valid(SkillBodies.NewClientId());
        body["scopes"] = new JsonArray(SkillBodies.Scope("ok", "fine"), SkillBodies.Scope("order taxi", "order a taxi"));

        await ApiAssert.ProblemAsync(await api.Platform.RegisterSkillAsync(slug, body), HttpStatusCode.BadRequest, "scopes[1].name");
    }

    [Theory]
    [InlineData("grantType", "password")]
    [InlineData("name", "")]
    [InlineData("clientId", "a b")]
    public async Task RegisterSkill_InvalidField_Returns400NamingIt(string field, string value)
    {
        var slug = await NewTenantAsync();
        var body = SkillBodies.Valid(SkillBodies.NewClientId());
        body[field] = value;

        await ApiAssert.ProblemAsync(await api.Platform.RegisterSkillAsync(slug, body), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task RegisterSkill_TokenLifetimeUnderAlexasMinimum_Returns400NamingIt()
    {
        var slug = await NewTenantAsync();
        var body = SkillBodies.Valid(SkillBodies.NewClientId());
        body["accessTokenLifetimeSeconds"] = 60;

        await ApiAssert.ProblemAsync(await api.Platform.RegisterSkillAsync(slug, body), HttpStatusCode.BadRequest, "accessTokenLifetimeSeconds");
    }

    [Fact]
    public async Task RegisterSkill_ClientIdTakenInTheSameTenant_Returns409NamingClientId()
    {
        var slug = await NewTenantAsync();
        var clientId = SkillBodies.NewClientId();
        await api.Platform.RegisterSkillOkAsync(slug, SkillBodies.Valid(clientId, "First"));

        var problem = await ApiAssert.ProblemAsync(await api.Platform.RegisterSkillAsync(slug, SkillBodies.Valid(clientId, "Second")), HttpStatusCode.Conflict, "clientId");

        Assert.Contains(clientId, ApiAssert.ErrorsFor(problem, "clientId"), StringComparison.Ordinal);
        var kept = await ApiAssert.JsonAsync(await api.Platform.GetAsync($"/api/v1/tenants/{slug}/skills/{clientId}", Ct), HttpStatusCode.OK);
        Assert.Equal("First", kept.Str("name"));
    }

    [Fact]
    public async Task RegisterSkill_ClientIdTakenByAnotherTenant_Returns409NamingClientId()
    {
        var first = await NewTenantAsync();
        var second = await NewTenantAsync();
        var clientId = SkillBodies.NewClientId();
        await api.Platform.RegisterSkillOkAsync(first, SkillBodies.Valid(clientId));
        using var secondClient = api.Client(await api.Platform.CreateTenantKeyAsync(second));

        await ApiAssert.ProblemAsync(await secondClient.RegisterSkillAsync(second, SkillBodies.Valid(clientId)), HttpStatusCode.Conflict, "clientId");

        await AssertNoSkillsAsync(second);
    }

    [Fact]
    public async Task RegisterSkill_UnknownTenant_Returns404()
    {
        await ApiAssert.ProblemAsync(
            await api.Platform.RegisterSkillAsync(ApiFixture.NewSlug("ghost"), SkillBodies.Valid(SkillBodies.NewClientId())),
            HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RegisterSkill_SeveralFaults_NamesEveryField()
    {
        var slug = await NewTenantAsync();
        var body = SkillBodies.Valid(SkillBodies.NewClientId());
        body["scopes"] = SkillBodies.Scopes(16);
        body["domains"] = SkillBodies.Domains(31);
        body["redirectUrls"] = new JsonArray("http://insecure.example/cb");

        var problem = await ApiAssert.ProblemAsync(await api.Platform.RegisterSkillAsync(slug, body), HttpStatusCode.BadRequest);

        Assert.Superset(new HashSet<string> { "scopes", "domains", "redirectUrls[0]" }, ApiAssert.ErrorFields(problem).ToHashSet());
        Assert.Equal(JsonValueKind.Object, problem.GetProperty("errors").ValueKind);
    }

    [Fact]
    public async Task AlexaRedirectUrls_VendorId_ListsEachRegionPerGrantAndAMalformedIdIs400()
    {
        var slug = await NewTenantAsync();

        var urls = await ApiAssert.JsonAsync(await api.Platform.GetAsync($"/api/v1/tenants/{slug}/skills/alexa-redirect-urls?vendorId=M2AAAAAAAAAAAA", Ct), HttpStatusCode.OK);

        Assert.Equal(
        [
            "https://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA",
            "https://layla.amazon.com/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA",
            "https://alexa.amazon.co.jp/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA",
        ], urls.GetProperty("implicit").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(
        [
            "https://pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA",
            "https://layla.amazon.com/api/skill/link/M2AAAAAAAAAAAA",
            "https://alexa.amazon.co.jp/api/skill/link/M2AAAAAAAAAAAA",
        ], urls.GetProperty("authorizationCode").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(["implicit", "authorizationCode"], urls.EnumerateObject().Select(p => p.Name));

        await ApiAssert.ProblemAsync(await api.Platform.GetAsync($"/api/v1/tenants/{slug}/skills/alexa-redirect-urls?vendorId=M2AA%2F..%2Fx", Ct), HttpStatusCode.BadRequest, "vendorId");
        await ApiAssert.ProblemAsync(await api.Platform.GetAsync($"/api/v1/tenants/{slug}/skills/alexa-redirect-urls", Ct), HttpStatusCode.BadRequest, "vendorId");
    }
}
