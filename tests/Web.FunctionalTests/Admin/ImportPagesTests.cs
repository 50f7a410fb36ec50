using System.Net;
using System.Text;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Admin.Support;
using static AlexaLinkHub.TestSupport.ImportArrange;

namespace AlexaLinkHub.Web.FunctionalTests.Admin;

/// <summary>The admin side of bringing users in: the upload page (a real multipart upload, the same import job as the
/// API) with its progress and report page, and the legacy sign-in page (secret shown once, "test the endpoint").</summary>
public sealed class ImportPagesTests(ImportPagesTests.ImportAdminApp app) : IClassFixture<ImportPagesTests.ImportAdminApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<AdminPage> UploadAsync(AdminBrowser vendor, string slug, string fileName, string content, bool dryRun = false)
    {
        var form = await vendor.GetAsync($"/admin/t/{slug}/users/import");
        using var body = new MultipartFormDataContent
        {
            { new StringContent(form.AntiforgeryToken()), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "Upload", fileName },
        };
        if (dryRun)
            body.Add(new StringContent("true"), "DryRun");
        using var response = await vendor.Client.PostAsync($"/admin/t/{slug}/users/import", body, Ct);
        return await AdminPage.ReadAsync(response);
    }

    private static async Task<AdminPage> ReportWhenDoneAsync(AdminBrowser vendor, string location)
    {
        for (var i = 0; i < 300; i++)
        {
            var report = await vendor.GetAsync(location);
            if (report.TextOfId("import-status") != "running")
                return report;
            Assert.Contains("http-equiv=\"refresh\"", report.Html, StringComparison.Ordinal);
            await Task.Delay(100, Ct);
        }
        throw new TimeoutException($"The import at {location} did not finish.");
    }

    [Fact]
    public async Task UploadCsv_RedirectsToItsReport_WhichShowsTheCountsAndTheErrorsByLine()
    {
        var (vendor, slug, _) = await app.VendorAsync("upload");
        using var _ = vendor;
        var csv = "email,displayName,externalId\nann@example.com,<b>Ann</b>,crm-1\nbad-email,Bob,crm-2\n";

        var uploaded = await UploadAsync(vendor, slug, "customers.csv", csv);

        Assert.Equal(HttpStatusCode.Redirect, uploaded.Status);
        Assert.StartsWith($"/admin/t/{slug}/users/imports/", uploaded.Location, StringComparison.Ordinal);
        var report = await ReportWhenDoneAsync(vendor, uploaded.Location!);
        Assert.Equal(("completed", "2", "1", "0", "1"),
            (report.TextOfId("import-status"), report.TextOfId("import-read"), report.TextOfId("import-created"), report.TextOfId("import-updated"), report.TextOfId("import-failed")));
        Assert.DoesNotContain("http-equiv=\"refresh\"", report.Html, StringComparison.Ordinal);
        Assert.Contains("3 email Enter an email address like name@example.com.", report.TextOfId("import-errors"), StringComparison.Ordinal);
        var users = await vendor.GetAsync($"/admin/t/{slug}/users");
        Assert.Contains("&lt;b&gt;Ann&lt;/b&gt;", users.Html, StringComparison.Ordinal);
        var list = await vendor.GetAsync($"/admin/t/{slug}/users/import");
        Assert.Contains(uploaded.Location!, list.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_DryRunAndAFileOfAnotherKind_AreReportedOnThePage()
    {
        var (vendor, slug, _) = await app.VendorAsync("upload");
        using var _ = vendor;

        var wrongKind = await UploadAsync(vendor, slug, "customers.xlsx", "PK...");
        var dry = await ReportWhenDoneAsync(vendor, (await UploadAsync(vendor, slug, "customers.ndjson", Row("ann@example.com", "Ann"), dryRun: true)).Location!);

        Assert.Equal(HttpStatusCode.OK, wrongKind.Status);
        Assert.Contains("Upload a .csv file", wrongKind.TextOfId("file-error"), StringComparison.Ordinal);
        Assert.Contains("dry run", dry.H1, StringComparison.Ordinal);
        Assert.Equal(("completed", "1"), (dry.TextOfId("import-status"), dry.TextOfId("import-created")));
        Assert.Contains("0 users", (await vendor.GetAsync($"/admin/t/{slug}/users")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LegacySignInPage_ShowsTheSecretOnce_AndTestsTheEndpoint()
    {
        var (vendor, slug, _) = await app.VendorAsync("legacy");
        using var _ = vendor;
        await using var endpoint = await WebhookReceiver.StartAsync();
        var page = $"/admin/t/{slug}/legacy-sign-in";

        var saved = await vendor.PostFormAsync($"{page}?handler=Save", AdminBrowser.Fields(("EndpointUrl", endpoint.Url("/login")), ("Enabled", "true")), page);
        var again = await vendor.GetAsync(page);
        endpoint.Answer(401);
        var tested = await vendor.PostFormAsync($"{page}?handler=Test", [], page);
        var refused = await vendor.PostFormAsync($"{page}?handler=Save", AdminBrowser.Fields(("EndpointUrl", "ftp://example.com/x")), page);

        var secret = saved.ValueOfId("new-secret");
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, again.Html, StringComparison.Ordinal);
        Assert.Equal(endpoint.Url("/login"), again.ValueOfId("url"));
        Assert.StartsWith("The endpoint works.", tested.TextOfId("test-result"), StringComparison.Ordinal);
        Assert.True(StandardWebhooks.Verify(secret, Assert.Single(endpoint.Received)));
        Assert.Equal("The URL must use https.", refused.TextOfId("url-error"));
    }

    public sealed class ImportAdminApp : AdminFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Webhooks:AllowLoopback"] = "true" };
    }
}
