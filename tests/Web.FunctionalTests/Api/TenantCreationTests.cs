using System.Net;
using System.Net.Http.Json;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Api;

/// <summary><c>POST /api/v1/tenants</c> and the admin API's authentication.</summary>
public sealed class TenantCreationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateTenant_WithPlatformKey_Returns201WithLocationAndTheTenant()
    {
        var slug = ApiFixture.NewSlug();

        var response = await api.Platform.CreateTenantAsync(slug, "Acme Taxis");

        var tenant = await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
        Assert.Equal($"/api/v1/tenants/{slug}", response.Headers.Location?.OriginalString);
        ApiAssert.HasProperties(tenant, "id", "slug", "displayName", "status", "branding", "issuer", "createdAt");
        Assert.NotEqual(Guid.Empty, tenant.GetProperty("id").GetGuid());
        Assert.Equal(slug, tenant.Str("slug"));
        Assert.Equal("Acme Taxis", tenant.Str("displayName"));
        Assert.Equal("active", tenant.Str("status"));
        Assert.Equal($"{ApiFixture.PublicBaseUrl}/t/{slug}", tenant.Str("issuer"));
        ApiAssert.HasProperties(tenant.GetProperty("branding"), "logoUrl", "primaryColor", "backgroundColor", "supportUrl", "privacyUrl");

        var fetched = await ApiAssert.JsonAsync(await api.Platform.GetAsync(response.Headers.Location, Ct), HttpStatusCode.OK);
        Assert.Equal(tenant.GetProperty("id").GetGuid(), fetched.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task CreateTenant_TakenSlug_Returns409NamingSlug()
    {
        var slug = ApiFixture.NewSlug();
        await api.Platform.CreateTenantOkAsync(slug, "First");

        var problem = await ApiAssert.ProblemAsync(await api.Platform.CreateTenantAsync(slug, "Second"), HttpStatusCode.Conflict, "slug");

        Assert.Contains(slug, ApiAssert.ErrorsFor(problem, "slug"), StringComparison.Ordinal);
        var kept = await ApiAssert.JsonAsync(await api.Platform.GetAsync($"/api/v1/tenants/{slug}", Ct), HttpStatusCode.OK);
        Assert.Equal("First", kept.Str("displayName"));
    }

    [Fact]
    public async Task CreateTenant_WithTenantKey_Returns403AndCreatesNothing()
    {
        var own = ApiFixture.NewSlug();
        await api.Platform.CreateTenantOkAsync(own);
        using var tenantClient = api.Client(await api.Platform.CreateTenantKeyAsync(own));
        var slug = ApiFixture.NewSlug();

        await ApiAssert.ProblemAsync(await tenantClient.CreateTenantAsync(slug), HttpStatusCode.Forbidden);

        await ApiAssert.ProblemAsync(await api.Platform.GetAsync($"/api/v1/tenants/{slug}", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CreateTenant_WithoutKey_Returns401WithBearerChallenge()
    {
        using var anonymous = api.Client(null);
        var slug = ApiFixture.NewSlug();

        var response = await anonymous.CreateTenantAsync(slug);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.True(ApiAssert.HasBearerChallenge(response), "401 must carry 'WWW-Authenticate: Bearer'.");
        await ApiAssert.ProblemAsync(await api.Platform.GetAsync($"/api/v1/tenants/{slug}", Ct), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("alh_not-a-real-key-0000000000000000000000000000")]
    [InlineData("garbage")]
    public async Task CreateTenant_UnknownKey_Returns401(string key)
    {
        using var client = api.Client(key);

        var response = await client.CreateTenantAsync(ApiFixture.NewSlug());

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.True(ApiAssert.HasBearerChallenge(response));
    }

    [Fact]
    public async Task CreateTenant_PlatformKeyInAnotherScheme_Returns401()
    {
        using var client = api.Client(null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tenants")
        {
            Content = JsonContent.Create(new { slug = ApiFixture.NewSlug(), displayName = "x" }),
        };
        request.Headers.TryAddWithoutValidation("Authorization", $"Basic {AlexaLinkHubFactory.PlatformApiKey}");

        await ApiAssert.ProblemAsync(await client.SendAsync(request, Ct), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task GetTenant_WithoutKey_Returns401()
    {
        var slug = ApiFixture.NewSlug();
        await api.Platform.CreateTenantOkAsync(slug);
        using var anonymous = api.Client(null);

        var response = await anonymous.GetAsync($"/api/v1/tenants/{slug}", Ct);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.True(ApiAssert.HasBearerChallenge(response));
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("api")]
    [InlineData("scalar")]
    [InlineData("health")]
    [InlineData("openapi")]
    public async Task CreateTenant_ReservedSlug_Returns400NamingSlug(string slug)
    {
        var problem = await ApiAssert.ProblemAsync(await api.Platform.CreateTenantAsync(slug, "Reserved"), HttpStatusCode.BadRequest, "slug");

        Assert.Contains("reserved", ApiAssert.ErrorsFor(problem, "slug"), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Acme")]
    [InlineData("-acme")]
    [InlineData("acme-")]
    [InlineData("ac_me")]
    [InlineData("ac me")]
    [InlineData("acme<script>")]
    [InlineData("")]
    public async Task CreateTenant_InvalidSlug_Returns400NamingSlug(string slug)
    {
        var problem = await ApiAssert.ProblemAsync(await api.Platform.CreateTenantAsync(slug, "Invalid"), HttpStatusCode.BadRequest, "slug");

        Assert.Equal(["slug"], ApiAssert.ErrorFields(problem));
    }

    [Fact]
    public async Task CreateTenant_SlugOfFortyOneCharacters_Returns400NamingSlug()
    {
        var problem = await ApiAssert.ProblemAsync(await api.Platform.CreateTenantAsync(new string('a', 41), "Long"), HttpStatusCode.BadRequest, "slug");

        Assert.Contains("40", ApiAssert.ErrorsFor(problem, "slug"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateTenant_MissingDisplayName_Returns400NamingDisplayName()
    {
        var response = await api.Platform.PostAsJsonAsync("/api/v1/tenants", new { slug = ApiFixture.NewSlug() }, Ct);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "displayName");
    }

    [Fact]
    public async Task ListTenants_WithPlatformKey_ReturnsAPageContainingTheTenant()
    {
        var slug = ApiFixture.NewSlug();
        await api.Platform.CreateTenantOkAsync(slug);

        var page = await ApiAssert.JsonAsync(await api.Platform.GetAsync("/api/v1/tenants?pageSize=100", Ct), HttpStatusCode.OK);

        ApiAssert.HasProperties(page, "items", "pageNumber", "pageSize", "totalCount", "totalPages");
        Assert.Contains(page.GetProperty("items").EnumerateArray(), t => t.Str("slug") == slug);
    }

    [Fact]
    public async Task ListTenants_WithTenantKey_Returns403()
    {
        var slug = ApiFixture.NewSlug();
        await api.Platform.CreateTenantOkAsync(slug);
        using var tenantClient = api.Client(await api.Platform.CreateTenantKeyAsync(slug));

        await ApiAssert.ProblemAsync(await tenantClient.GetAsync("/api/v1/tenants", Ct), HttpStatusCode.Forbidden);
    }
}
