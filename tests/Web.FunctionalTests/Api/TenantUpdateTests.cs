using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AlexaLinkHub.Web.FunctionalTests.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Api;

/// <summary><c>GET|PATCH /api/v1/tenants/{slug}</c>: display name, branding and status.</summary>
public sealed class TenantUpdateTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object ValidBranding => new
    {
        logoUrl = "https://cdn.acme.example/logo.png",
        primaryColor = "#FF5500",
        backgroundColor = "#fafafa",
        supportUrl = "https://acme.example/support",
        privacyUrl = "https://acme.example/privacy",
    };

    private async Task<string> NewTenantAsync(string displayName = "Acme")
    {
        var slug = ApiFixture.NewSlug();
        await api.Platform.CreateTenantOkAsync(slug, displayName);
        return slug;
    }

    private Task<HttpResponseMessage> PatchAsync(HttpClient client, string slug, object body) =>
        client.PatchAsJsonAsync($"/api/v1/tenants/{slug}", body, Ct);

    private async Task<JsonElement> GetTenantAsync(string slug) =>
        await ApiAssert.JsonAsync(await api.Platform.GetAsync($"/api/v1/tenants/{slug}", Ct), HttpStatusCode.OK);

    [Fact]
    public async Task GetTenant_Existing_Returns200WithTheDefaultBranding()
    {
        var slug = await NewTenantAsync("Acme Taxis");

        var tenant = await GetTenantAsync(slug);

        Assert.Equal(slug, tenant.Str("slug"));
        Assert.Equal("Acme Taxis", tenant.Str("displayName"));
        Assert.Equal("active", tenant.Str("status"));
        var branding = tenant.GetProperty("branding");
        Assert.Equal(JsonValueKind.Null, branding.GetProperty("logoUrl").ValueKind);
        Assert.Matches("^#[0-9a-f]{6}$", branding.Str("primaryColor"));
        Assert.Matches("^#[0-9a-f]{6}$", branding.Str("backgroundColor"));
    }

    [Fact]
    public async Task GetTenant_UnknownSlug_Returns404Problem()
    {
        await ApiAssert.ProblemAsync(await api.Platform.GetAsync($"/api/v1/tenants/{ApiFixture.NewSlug("nobody")}", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PatchTenant_DisplayName_Returns200AndKeepsTheRest()
    {
        var slug = await NewTenantAsync("Old Name");

        var updated = await ApiAssert.JsonAsync(await PatchAsync(api.Platform, slug, new { displayName = "New Name" }), HttpStatusCode.OK);

        Assert.Equal("New Name", updated.Str("displayName"));
        Assert.Equal("active", updated.Str("status"));
        Assert.Equal(slug, updated.Str("slug"));
        Assert.Equal("New Name", (await GetTenantAsync(slug)).Str("displayName"));
    }

    [Fact]
    public async Task PatchTenant_ValidBranding_Returns200WithTheBranding()
    {
        var slug = await NewTenantAsync();

        var updated = await ApiAssert.JsonAsync(await PatchAsync(api.Platform, slug, new { branding = ValidBranding }), HttpStatusCode.OK);

        var branding = updated.GetProperty("branding");
        Assert.Equal("https://cdn.acme.example/logo.png", branding.Str("logoUrl"));
        Assert.Equal("#ff5500", branding.Str("primaryColor"));
        Assert.Equal("#fafafa", branding.Str("backgroundColor"));
        Assert.Equal("https://acme.example/support", branding.Str("supportUrl"));
        Assert.Equal("https://acme.example/privacy", branding.Str("privacyUrl"));
        Assert.Equal(branding.GetRawText(), (await GetTenantAsync(slug)).GetProperty("branding").GetRawText());
    }

    [Fact]
    public async Task PatchTenant_ByTenantKey_MayChangeItsOwnBranding()
    {
        var slug = await NewTenantAsync();
        using var tenantClient = api.Client(await api.Platform.CreateTenantKeyAsync(slug));

        var updated = await ApiAssert.JsonAsync(await PatchAsync(tenantClient, slug, new { branding = ValidBranding }), HttpStatusCode.OK);

        Assert.Equal("https://cdn.acme.example/logo.png", updated.GetProperty("branding").Str("logoUrl"));
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("http://cdn.acme.example/logo.png")]
    [InlineData("data:image/svg+xml,<svg onload=alert(1)>")]
    [InlineData("//cdn.acme.example/logo.png")]
    public async Task PatchTenant_UnsafeLogoUrl_Returns400NamingLogoUrlAndChangesNothing(string logoUrl)
    {
        var slug = await NewTenantAsync();

        var response = await PatchAsync(api.Platform, slug, new { displayName = "Changed", branding = new { logoUrl } });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "logoUrl");
        var tenant = await GetTenantAsync(slug);
        Assert.Equal(JsonValueKind.Null, tenant.GetProperty("branding").GetProperty("logoUrl").ValueKind);
        Assert.Equal("Acme", tenant.Str("displayName"));
    }

    [Theory]
    [InlineData("red;background:url(https://evil.example)")]
    [InlineData("<style>")]
    [InlineData("#12345g")]
    public async Task PatchTenant_PrimaryColorThatIsNotAColour_Returns400NamingPrimaryColor(string primaryColor)
    {
        var slug = await NewTenantAsync();

        await ApiAssert.ProblemAsync(await PatchAsync(api.Platform, slug, new { branding = new { primaryColor } }), HttpStatusCode.BadRequest, "primaryColor");
    }

    [Fact]
    public async Task PatchTenant_HttpSupportUrl_Returns400NamingSupportUrl()
    {
        var slug = await NewTenantAsync();

        await ApiAssert.ProblemAsync(
            await PatchAsync(api.Platform, slug, new { branding = new { supportUrl = "http://acme.example/help" } }),
            HttpStatusCode.BadRequest, "supportUrl");
    }

    [Fact]
    public async Task PatchTenant_SuspendedByPlatformKey_Returns200AndTheStatus()
    {
        var slug = await NewTenantAsync();

        var suspended = await ApiAssert.JsonAsync(await PatchAsync(api.Platform, slug, new { status = "suspended" }), HttpStatusCode.OK);

        Assert.Equal("suspended", suspended.Str("status"));
        Assert.Equal("suspended", (await GetTenantAsync(slug)).Str("status"));

        var reactivated = await ApiAssert.JsonAsync(await PatchAsync(api.Platform, slug, new { status = "active" }), HttpStatusCode.OK);
        Assert.Equal("active", reactivated.Str("status"));
    }

    [Fact]
    public async Task PatchTenant_StatusByTenantKey_Returns403AndChangesNothing()
    {
        var slug = await NewTenantAsync("Before");
        using var tenantClient = api.Client(await api.Platform.CreateTenantKeyAsync(slug));

        var response = await PatchAsync(tenantClient, slug, new { status = "suspended", displayName = "After", branding = ValidBranding });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        var tenant = await GetTenantAsync(slug);
        Assert.Equal("active", tenant.Str("status"));
        Assert.Equal("Before", tenant.Str("displayName"));
        Assert.Equal(JsonValueKind.Null, tenant.GetProperty("branding").GetProperty("logoUrl").ValueKind);
    }

    [Fact]
    public async Task PatchTenant_UnknownStatus_Returns400NamingStatus()
    {
        var slug = await NewTenantAsync();

        var problem = await ApiAssert.ProblemAsync(await PatchAsync(api.Platform, slug, new { status = "deleted" }), HttpStatusCode.BadRequest, "status");

        Assert.Contains("suspended", ApiAssert.ErrorsFor(problem, "status"), StringComparison.Ordinal);
        Assert.Equal("active", (await GetTenantAsync(slug)).Str("status"));
    }

    [Fact]
    public async Task PatchTenant_EmptyDisplayName_Returns400NamingDisplayName()
    {
        var slug = await NewTenantAsync("Kept");

        await ApiAssert.ProblemAsync(await PatchAsync(api.Platform, slug, new { displayName = "" }), HttpStatusCode.BadRequest, "displayName");

        Assert.Equal("Kept", (await GetTenantAsync(slug)).Str("displayName"));
    }
}
