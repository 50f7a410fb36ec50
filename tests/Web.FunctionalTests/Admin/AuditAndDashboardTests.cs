using System.Globalization;
using System.Net;
using AlexaLinkHub.Web.FunctionalTests.Admin.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Admin;

/// <summary>The dashboard's numbers and chart, and the audit log's filters and CSV export.</summary>
public sealed class AuditAndDashboardTests(AdminFixture app) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task Dashboard_AfterALinkAndAFailedAttempt_CountsBothInTheStatsAndTheChart()
    {
        var (vendor, slug, _) = await app.VendorAsync("dash");
        using var _ = vendor;
        var (clientId, _) = await EndUserLinking.RegisterSkillAsync(app, slug);
        await EndUserLinking.CreateUserAsync(app, slug, "jo@example.com");
        await EndUserLinking.LinkAsync(app, slug, clientId, "jo@example.com");
        await EndUserLinking.FailSignInAsync(app, slug, clientId, "jo@example.com");
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var page = await vendor.GetAsync($"/admin/t/{slug}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["1 Linked accounts", "1 Active tokens", "1 Links, last 30 days", "1 Failed link attempts, last 30 days",
                "0 Failed webhook attempts, last 24 hours", "0 Webhook deliveries given up, last 24 hours"],
            page.Texts("div.stat"));
        Assert.Contains("<svg viewBox=\"0 0 720 220\" role=\"img\" aria-labelledby=\"chart-title chart-desc\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("<title id=\"chart-title\">Links and failed link attempts per day, last 30 days</title>", page.Html, StringComparison.Ordinal);
        Assert.Contains($"<title>{today}: 1 Links</title>", page.Html, StringComparison.Ordinal);
        Assert.Contains($"<title>{today}: 1 Failed link attempts</title>", page.Html, StringComparison.Ordinal);
        Assert.Equal(60, page.Dom.Document.QuerySelectorAll("svg[aria-labelledby='chart-title chart-desc'] rect").Length);
        // The wrong password is counted under its reason, with a readable label; the other reasons show 0.
        Assert.Equal(["Wrong email or password: 1", "Cancelled at the consent page: 0", "Invalid request from Alexa or the skill: 0",
                "Locked out after too many attempts: 0", "Other (disabled account, external or legacy sign-in): 0"],
            page.Texts("svg[aria-labelledby='reasons-title reasons-desc'] rect title"));
        Assert.Equal(["Car Fu", clientId, "1", "1", "1"], page.Texts("#per-skill tbody td"));
        Assert.DoesNotContain("<script>", page.Html, StringComparison.Ordinal);
        Assert.Contains("account.linked", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLog_FilteredByAction_ShowsOnlyThoseEvents()
    {
        var (vendor, slug, _) = await app.VendorAsync("audit");
        using var _ = vendor;
        await EndUserLinking.RegisterSkillAsync(app, slug);
        await EndUserLinking.CreateUserAsync(app, slug, "jo@example.com");

        var all = await vendor.GetAsync($"/admin/t/{slug}/audit");
        var users = await vendor.GetAsync($"/admin/t/{slug}/audit?action=user.created");

        Assert.Equal(["user.created", "skill.registered", "admin.created", "tenant.created"], ActionsIn(all));
        Assert.Equal(["user.created"], ActionsIn(users));
        Assert.Contains("<option value=\"user.created\" selected=\"selected\">", users.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLog_ToBeforeFrom_IsRefusedWithAMessage()
    {
        var (vendor, slug, _) = await app.VendorAsync("audit");
        using var _ = vendor;

        var page = await vendor.GetAsync($"/admin/t/{slug}/audit?from=2026-05-02&to=2026-05-01");

        Assert.Equal(["'to' must not be before 'from'."], page.Errors());
    }

    [Fact]
    public async Task ExportCsv_WithTheFilters_IsAnAttachmentWithTheMatchingRowsNewestFirst()
    {
        var (vendor, slug, _) = await app.VendorAsync("audit");
        using var _ = vendor;
        var (clientId, _) = await EndUserLinking.RegisterSkillAsync(app, slug);
        var userId = await EndUserLinking.CreateUserAsync(app, slug, "jo@example.com", externalId: "=HYPERLINK(\"https://evil.example\")");
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        using var all = await vendor.Client.GetAsync($"/admin/t/{slug}/audit?handler=Export", TestContext.Current.CancellationToken);
        using var filtered = await vendor.Client.GetAsync($"/admin/t/{slug}/audit?handler=Export&action=skill.registered&from={today}&to={today}", TestContext.Current.CancellationToken);
        var allCsv = await all.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var lines = (await filtered.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal("text/csv", all.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", all.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith($"audit-{slug}-", all.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.Equal("occurredAt,actor,action,target,details,sourceIp", lines[0].TrimStart('\uFEFF'));
        Assert.Equal(2, lines.Length);
        var row = lines[1].Split(',');
        Assert.Equal(["api-key:alh_test-pla", "skill.registered", $"skill:{clientId}"], row[1..4]);
        Assert.StartsWith(today + "T", row[0], StringComparison.Ordinal);
        Assert.Equal(5, allCsv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        // RFC 4180: a cell with a quote is quoted, its quotes doubled.
        Assert.Contains($"user:{userId},\"externalId==HYPERLINK(\"\"https://evil.example\"\")\"", allCsv, StringComparison.Ordinal);
    }

    private static List<string> ActionsIn(AdminPage page) => page.Texts("td > code").ToList();
}
