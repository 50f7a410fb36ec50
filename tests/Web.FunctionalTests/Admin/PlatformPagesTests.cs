using System.Net;
using AlexaLinkHub.Domain.Emails;
using AlexaLinkHub.Infrastructure.OAuth;
using AlexaLinkHub.Web.FunctionalTests.Admin.Support;
using AlexaLinkHub.Web.FunctionalTests.Support;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Web.FunctionalTests.Admin;

/// <summary>The platform admin's pages: tenants with their status, onboarding with an invitation, suspension, and
/// offboarding behind a typed confirmation.</summary>
public sealed class PlatformPagesTests(AdminFixture app) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task CreateTenant_WithAnAdminEmail_CreatesItAndQueuesTheInvitation()
    {
        using var platform = await app.PlatformAdminAsync();
        var slug = ApiFixture.NewSlug("onboard");
        var email = $"owner@{slug}.example";

        var page = await platform.PostFormAsync("/admin/tenants", AdminBrowser.Fields(("Input.Slug", slug), ("Input.DisplayName", "Onboarded Ltd"), ("Input.AdminEmail", email)));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"Tenant {slug} created; an invitation is on its way to {email}.", page.Text, StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/tenants/{slug}\"", page.Html, StringComparison.Ordinal);
        Assert.Equal("Onboarded Ltd", (await app.ApiGetAsync($"/api/v1/tenants/{slug}")).GetProperty("displayName").GetString());
        var mail = await app.QueryAsync(db => db.Set<OutboundEmail>().SingleAsync(e => e.To == email, TestContext.Current.CancellationToken));
        Assert.Equal("You are invited to administer Onboarded Ltd on AlexaLinkHub", mail.Subject);
    }

    [Fact]
    public async Task CreateTenant_InvalidAdminEmail_CreatesNothing()
    {
        using var platform = await app.PlatformAdminAsync();
        var slug = ApiFixture.NewSlug("onboard");

        var page = await platform.PostFormAsync("/admin/tenants", AdminBrowser.Fields(("Input.Slug", slug), ("Input.DisplayName", "Half Done"), ("Input.AdminEmail", "nope")));

        Assert.Equal("Enter an email address like name@example.com.", page.TextOfId("admin-email-error"));
        using var response = await app.Platform.GetAsync($"/api/v1/tenants/{slug}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Suspend_StopsTheLoginPagesAndReactivateRestoresThem()
    {
        var (vendor, slug, _) = await app.VendorAsync("suspend");
        vendor.Dispose();
        using var platform = await app.PlatformAdminAsync();
        var tenantPage = $"/admin/tenants/{slug}";

        var suspended = await platform.PostFormAsync($"{tenantPage}?handler=Suspend", [], tenantPage);
        using var anonymous = app.NewBrowser();
        var loginWhileSuspended = await anonymous.GetAsync($"/t/{slug}/login");
        var reactivated = await platform.PostFormAsync($"{tenantPage}?handler=Reactivate", [], tenantPage);
        var loginAfter = await anonymous.GetAsync($"/t/{slug}/login");

        Assert.Contains("suspended", suspended.H1, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, loginWhileSuspended.Status);
        Assert.Contains("active", reactivated.H1, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, loginAfter.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yes")]
    [InlineData("DELETE")]
    public async Task Offboard_WithoutTypingTheSlug_IsRefusedAndDeletesNothing(string typed)
    {
        var (vendor, slug, _) = await app.VendorAsync("offboard");
        vendor.Dispose();
        using var platform = await app.PlatformAdminAsync();
        var tenantPage = $"/admin/tenants/{slug}";

        var page = await platform.PostFormAsync($"{tenantPage}?handler=Offboard", AdminBrowser.Fields(("Confirmation", typed)), tenantPage);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"Type the tenant's slug ({slug}) to confirm. Offboarding deletes all its data.", page.TextOfId("confirmation-error"));
        Assert.Equal("active", (await app.ApiGetAsync($"/api/v1/tenants/{slug}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Offboard_WithTheSlugTyped_DeletesTheTenantAndAllItsData()
    {
        var (vendor, slug, email) = await app.VendorAsync("offboard");
        vendor.Dispose();
        var (clientId, _) = await EndUserLinking.RegisterSkillAsync(app, slug);
        await EndUserLinking.CreateUserAsync(app, slug, "jo@example.com");
        await EndUserLinking.LinkAsync(app, slug, clientId, "jo@example.com");
        var tenantId = (await app.ApiGetAsync($"/api/v1/tenants/{slug}")).GetProperty("id").GetGuid();
        using var platform = await app.PlatformAdminAsync();
        var tenantPage = $"/admin/tenants/{slug}";

        var page = await platform.PostFormAsync($"{tenantPage}?handler=Offboard", AdminBrowser.Fields(("Confirmation", slug)), tenantPage);
        var list = await platform.GetAsync(page.Location!);

        Assert.Equal($"/admin/tenants?offboarded={slug}", page.Location);
        Assert.Contains($"Tenant {slug} was offboarded: its data is deleted.", list.Text, StringComparison.Ordinal);
        using (var response = await app.Platform.GetAsync($"/api/v1/tenants/{slug}", TestContext.Current.CancellationToken))
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using (var anonymous = app.NewBrowser())
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/t/{slug}/login")).Status);
        var left = await app.QueryAsync(async db => new[]
        {
            await db.Skills.CountAsync(s => s.TenantId == tenantId, TestContext.Current.CancellationToken),
            await db.EndUsers.CountAsync(u => u.TenantId == tenantId, TestContext.Current.CancellationToken),
            await db.AccountLinks.CountAsync(l => l.TenantId == tenantId, TestContext.Current.CancellationToken),
            await db.Set<OAuthAuthorization>().CountAsync(a => a.TenantId == tenantId, TestContext.Current.CancellationToken),
            await db.Set<OAuthToken>().CountAsync(t => t.TenantId == tenantId, TestContext.Current.CancellationToken),
            await db.AdminUsers.CountAsync(a => a.Email == email, TestContext.Current.CancellationToken),
        });
        Assert.Equal([0, 0, 0, 0, 0, 0], left);
        // Its only admin went with it.
        using var formerAdmin = app.NewBrowser();
        Assert.Equal(["The email or password is not correct."], (await formerAdmin.SignInAsync(email, AdminFixture.VendorPassword, expectSuccess: false)).Errors());
    }
}
