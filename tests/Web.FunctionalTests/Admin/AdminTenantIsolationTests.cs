using System.Net;
using System.Text.Json;
using AlexaLinkHub.Web.FunctionalTests.Admin.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Admin;

/// <summary>A tenant admin sees only their tenant: another tenant's pages, and another tenant's ids under their own
/// tenant, are "not found" — never "forbidden", which would confirm they exist.</summary>
public sealed class AdminTenantIsolationTests(AdminFixture app) : IClassFixture<AdminFixture>
{
    [Theory]
    [InlineData("")]
    [InlineData("/skills")]
    [InlineData("/new-skill")]
    [InlineData("/branding")]
    [InlineData("/branding/preview?PrimaryColor=%23ff0000")]
    [InlineData("/users")]
    [InlineData("/users/new")]
    [InlineData("/audit")]
    [InlineData("/audit?handler=Export")]
    [InlineData("/api-keys")]
    [InlineData("/team")]
    public async Task TenantPage_OfAnotherTenant_IsNotFound(string page)
    {
        var (mallory, _, _) = await app.VendorAsync("mallory");
        var (victim, victimSlug, _) = await app.VendorAsync("victim");
        victim.Dispose();
        using (mallory)
        {
            var response = await mallory.GetAsync($"/admin/t/{victimSlug}{page}");

            Assert.Equal(HttpStatusCode.NotFound, response.Status);
            Assert.DoesNotContain(victimSlug, response.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SkillAndUserIds_OfAnotherTenant_AreNotFoundUnderTheAdminsOwnTenant()
    {
        var (mallory, mallorySlug, _) = await app.VendorAsync("mallory");
        var (victim, victimSlug, _) = await app.VendorAsync("victim");
        victim.Dispose();
        var (clientId, _) = await EndUserLinking.RegisterSkillAsync(app, victimSlug);
        var userId = await EndUserLinking.CreateUserAsync(app, victimSlug, "jo@victim.example");
        using (mallory)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await mallory.GetAsync($"/admin/t/{mallorySlug}/skills/{clientId}")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await mallory.GetAsync($"/admin/t/{mallorySlug}/skills/{clientId}/edit")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await mallory.GetAsync($"/admin/t/{mallorySlug}/users/{userId}")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await mallory.GetAsync($"/admin/t/{mallorySlug}/users/{userId}/delete")).Status);

            // Actions too: posting with the admin's own valid antiforgery token changes nothing.
            var formPage = $"/admin/t/{mallorySlug}/skills";
            var disable = await mallory.PostFormAsync($"/admin/t/{mallorySlug}/skills/{clientId}?handler=Disable", [], formPage);
            var rotate = await mallory.PostFormAsync($"/admin/t/{mallorySlug}/skills/{clientId}?handler=Rotate", [], formPage);
            var delete = await mallory.PostFormAsync($"/admin/t/{mallorySlug}/users/{userId}/delete", [], formPage);
            var revokeAll = await mallory.PostFormAsync($"/admin/t/{mallorySlug}/users/{userId}?handler=RevokeAll", [], formPage);
            Assert.All(new[] { disable, rotate, delete, revokeAll }, r => Assert.Equal(HttpStatusCode.NotFound, r.Status));
        }

        var skill = await app.ApiGetAsync($"/api/v1/tenants/{victimSlug}/skills/{clientId}");
        Assert.True(skill.GetProperty("enabled").GetBoolean());
        Assert.False(skill.TryGetProperty("previousSecretValidUntil", out var previous) && previous.ValueKind != JsonValueKind.Null, "The secret was rotated.");
        var user = await app.ApiGetAsync($"/api/v1/tenants/{victimSlug}/users/{userId}");
        Assert.Equal("jo@victim.example", user.GetProperty("email").GetString());
    }

    [Fact]
    public async Task TokenId_OfAnotherTenant_CannotBeRevoked()
    {
        var (mallory, mallorySlug, _) = await app.VendorAsync("mallory");
        var (victim, victimSlug, _) = await app.VendorAsync("victim");
        victim.Dispose();
        var (clientId, secret) = await EndUserLinking.RegisterSkillAsync(app, victimSlug);
        var userId = await EndUserLinking.CreateUserAsync(app, victimSlug, "jo@victim.example");
        var token = await EndUserLinking.LinkAsync(app, victimSlug, clientId, "jo@victim.example");
        var links = await app.ApiGetAsync($"/api/v1/tenants/{victimSlug}/users/{userId}/links");
        var tokenId = links[0].GetProperty("tokens")[0].GetProperty("id").GetString()!;
        var ownUser = await EndUserLinking.CreateUserAsync(app, mallorySlug, "me@mallory.example");
        using (mallory)
        {
            var revoke = await mallory.PostFormAsync($"/admin/t/{mallorySlug}/users/{ownUser}?handler=RevokeToken",
                AdminBrowser.Fields(("tokenId", tokenId)), $"/admin/t/{mallorySlug}/users/{ownUser}");

            Assert.Equal(HttpStatusCode.NotFound, revoke.Status);
        }
        Assert.True(await EndUserLinking.IsActiveAsync(app, victimSlug, clientId, secret, token));
    }

    [Fact]
    public async Task PlatformPages_ForATenantAdmin_AreForbidden()
    {
        var (vendor, slug, _) = await app.VendorAsync("tenant-admin");
        using (vendor)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await vendor.GetAsync("/admin/tenants")).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await vendor.GetAsync($"/admin/tenants/{slug}")).Status);
            var suspend = await vendor.PostFormAsync($"/admin/tenants/{slug}?handler=Suspend", [], $"/admin/t/{slug}");
            Assert.Equal(HttpStatusCode.Forbidden, suspend.Status);
        }
        var tenant = await app.ApiGetAsync($"/api/v1/tenants/{slug}");
        Assert.Equal("active", tenant.GetProperty("status").GetString());
    }

    [Fact]
    public async Task PlatformAdmin_ReachesEveryTenantsPages()
    {
        var (vendor, slug, _) = await app.VendorAsync("reach");
        vendor.Dispose();
        using var platform = await app.PlatformAdminAsync();

        var dashboard = await platform.GetAsync($"/admin/t/{slug}");
        var tenants = await platform.GetAsync("/admin/tenants");

        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.Contains($"href=\"/admin/t/{slug}\"", tenants.Html, StringComparison.Ordinal);
    }
}
