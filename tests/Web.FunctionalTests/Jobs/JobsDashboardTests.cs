using System.Net;
using AlexaLinkHub.Infrastructure.Jobs;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Admin.Support;
using AlexaLinkHub.Web.FunctionalTests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AlexaLinkHub.Web.FunctionalTests.Jobs;

/// <summary>The Hangfire dashboard at /admin/jobs: platform admins signed in to the admin UI only; everyone else —
/// anonymous, an API key, a tenant admin — gets 404 (not a login redirect that would confirm it exists).</summary>
public sealed class JobsDashboardTests(AdminFixture app) : IClassFixture<AdminFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/admin/jobs")]
    [InlineData("/admin/jobs/recurring")]
    [InlineData("/admin/jobs/stats")]
    public async Task Dashboard_Anonymous_IsNotFound(string path)
    {
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Dashboard_PlatformApiKey_IsNotFound()
    {
        using var client = app.Factory.CreateApiClient();

        using var response = await client.GetAsync("/admin/jobs", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_TenantAdmin_IsNotFound()
    {
        var (vendor, _, _) = await app.VendorAsync("jobs");
        using var _ = vendor;

        using var response = await vendor.Client.GetAsync("/admin/jobs/recurring", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_PlatformAdmin_SeesTheRecurringJobsWithoutTheConnectionString()
    {
        using var admin = await app.PlatformAdminAsync();

        using var home = await admin.Client.GetAsync("/admin/jobs", Ct);
        using var recurring = await admin.Client.GetAsync("/admin/jobs/recurring", Ct);

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("text/html", home.Content.Headers.ContentType?.MediaType);
        var html = await recurring.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, recurring.StatusCode);
        Assert.Contains("AlexaLinkHub jobs", html, StringComparison.Ordinal);
        Assert.All([RecurringJobs.EmailSweep, RecurringJobs.WebhookSweep, RecurringJobs.PruneTokens, RecurringJobs.TrimAuditLog],
            id => Assert.Contains(id, html, StringComparison.Ordinal));
        Assert.DoesNotContain(".jobs.db", html + await home.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
