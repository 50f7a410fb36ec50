using System.Net;
using AlexaLinkHub.Web.FunctionalTests.Admin.Support;
using AlexaLinkHub.Web.FunctionalTests.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Admin;

/// <summary>The dashboard's ranges and CSV (page and API), the platform's dashboard and audit log, and the console in
/// the admin's language.</summary>
public sealed class ConsoleDashboardTests(AdminFixture app) : IClassFixture<AdminFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dashboard_RangesAndCsv_ShowTheSameNumbersOnThePageInTheCsvAndInTheApi()
    {
        var (vendor, slug, _) = await app.VendorAsync("range");
        using var _ = vendor;
        var (clientId, _) = await EndUserLinking.RegisterSkillAsync(app, slug);
        await EndUserLinking.CreateUserAsync(app, slug, "jo@example.com");
        await EndUserLinking.LinkAsync(app, slug, clientId, "jo@example.com");
        await EndUserLinking.FailSignInAsync(app, slug, clientId, "jo@example.com");

        var week = await vendor.GetAsync($"/admin/t/{slug}?days=7");
        var quarter = await vendor.GetAsync($"/admin/t/{slug}?days=90");
        var unknown = await vendor.GetAsync($"/admin/t/{slug}?days=12");
        using var csvResponse = await vendor.Client.GetAsync($"/admin/t/{slug}?handler=Csv&days=7", Ct);
        var csv = (await csvResponse.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var api = await app.ApiGetAsync($"/api/v1/tenants/{slug}/dashboard?days=7");
        using var apiCsv = await app.Platform.GetAsync($"/api/v1/tenants/{slug}/dashboard.csv?days=7", Ct);
        using var badRange = await app.Platform.GetAsync($"/api/v1/tenants/{slug}/dashboard?days=12", Ct);

        Assert.Equal(14, week.Dom.Document.QuerySelectorAll("svg[aria-labelledby='chart-title chart-desc'] rect").Length);
        Assert.Equal(180, quarter.Dom.Document.QuerySelectorAll("svg[aria-labelledby='chart-title chart-desc'] rect").Length);
        Assert.Equal(["7 days"], week.Texts("nav.ranges a[aria-current='page']"));
        Assert.Contains("1 Links, last 7 days", week.Texts("div.stat"));
        Assert.Equal(["Choose 7, 30 or 90 days."], unknown.Errors());
        Assert.Equal(["30 days"], unknown.Texts("nav.ranges a[aria-current='page']"));

        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("metric,key,value", csv[0]);
        Assert.Contains("range_days,,7", csv);
        Assert.Contains("links,total,1", csv);
        Assert.Contains("failed_attempts,total,1", csv);
        Assert.Contains("failed_attempts_by_reason,wrong_credentials,1", csv);
        Assert.Contains("failed_attempts_by_reason,consent_cancelled,0", csv);
        Assert.Contains($"skill_links,{clientId},1", csv);
        Assert.Contains($"skill_failed_attempts,{clientId},1", csv);
        Assert.Equal(csv, (await apiCsv.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(7, api.GetProperty("rangeDays").GetInt32());
        Assert.Equal(7, api.GetProperty("days").GetArrayLength());
        Assert.Equal((1, 1), (api.GetProperty("linksInPeriod").GetInt32(), api.GetProperty("failedAttemptsInPeriod").GetInt32()));
        Assert.Equal(["wrong_credentials", "consent_cancelled", "invalid_request", "locked_out", "other"],
            api.GetProperty("failuresByReason").EnumerateArray().Select(r => r.Str("reason")));
        Assert.Equal(1, api.GetProperty("failuresByReason")[0].GetProperty("count").GetInt32());
        var skill = Assert.Single(api.GetProperty("skills").EnumerateArray());
        Assert.Equal((clientId, 1, 1, 1), (skill.Str("clientId"), skill.GetProperty("liveLinks").GetInt32(), skill.GetProperty("links").GetInt32(), skill.GetProperty("failedAttempts").GetInt32()));
        Assert.Equal(0, api.GetProperty("webhookFailuresLast24Hours").GetProperty("failedAttempts").GetInt32());
        await ApiAssert.ProblemAsync(badRange, HttpStatusCode.BadRequest, "days");
    }

    [Fact]
    public async Task PlatformPages_ShowEveryTenantsNumbersJobHealthAndOnlyThePlatformsOwnAuditEvents()
    {
        var (vendor, slug, _) = await app.VendorAsync("plat");
        vendor.Dispose();
        await EndUserLinking.RegisterSkillAsync(app, slug);
        using var platform = await app.PlatformAdminAsync();

        var dashboard = await platform.GetAsync("/admin/platform");
        var audit = await platform.GetAsync("/admin/platform/audit");
        var signIns = await platform.GetAsync("/admin/platform/audit?action=admin.signed_in");
        var skills = await platform.GetAsync("/admin/platform/audit?action=skill.registered");
        var tenantLog = await platform.GetAsync($"/admin/t/{slug}/audit?action=skill.registered");
        using var export = await platform.Client.GetAsync("/admin/platform/audit?handler=Export&action=admin.signed_in", Ct);
        var csv = await export.Content.ReadAsStringAsync(Ct);
        using var stranger = app.NewBrowser();
        var anonymous = await stranger.GetAsync("/admin/platform/audit");

        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.Equal("The platform at a glance", dashboard.H1);
        Assert.Contains(dashboard.Texts("div.stat"), s => s.EndsWith(" Tenants", StringComparison.Ordinal) && int.Parse(s.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Contains("Background jobs", dashboard.Texts("h2"));
        Assert.Equal(5, dashboard.Dom.Document.QuerySelectorAll("svg[aria-labelledby='reasons-title reasons-desc'] g[data-reason]").Length);

        Assert.Equal(HttpStatusCode.OK, audit.Status);
        Assert.Equal("Platform audit log", audit.H1);
        Assert.Contains($"admin:{AlexaLinkHub.TestSupport.AlexaLinkHubFactory.AdminEmail}", Column(signIns, 4));
        Assert.All(Column(signIns, 3), action => Assert.Equal("admin.signed_in", action));
        // A tenant's own events are in its log, never in the platform's.
        Assert.Empty(Column(skills, 3));
        Assert.Equal(["skill.registered"], Column(tenantLog, 3));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.StartsWith("occurredAt,actor,action,target,details,sourceIp", csv, StringComparison.Ordinal);
        Assert.Contains($",admin.signed_in,admin:{AlexaLinkHub.TestSupport.AlexaLinkHubFactory.AdminEmail},", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("skill.registered", csv, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.Status);
    }

    private static List<string> Column(AdminPage page, int column) =>
        page.Dom.Document.QuerySelectorAll($"tbody tr td:nth-child({column})").Select(td => td.TextContent.Trim()).ToList();

    [Fact]
    public async Task Console_FollowsAcceptLanguageUntilTheSwitcherPicksALanguageForTheAdminAreaOnly()
    {
        var (vendor, slug, _) = await app.VendorAsync("lang");
        using var _ = vendor;

        using var german = new HttpRequestMessage(HttpMethod.Get, $"/admin/t/{slug}");
        german.Headers.AcceptLanguage.ParseAdd("de-DE,de;q=0.9");
        var inGerman = await AdminPage.ReadAsync(await vendor.Client.SendAsync(german, Ct));
        var page = await vendor.GetAsync($"/admin/t/{slug}");
        var switched = await vendor.PostFormAsync("/admin/language", AdminBrowser.Fields(("culture", "ja"), ("returnUrl", $"/admin/t/{slug}?days=7")), formPage: $"/admin/t/{slug}");
        var inJapanese = await vendor.GetAsync($"/admin/t/{slug}");
        var offsite = await vendor.PostFormAsync("/admin/language", AdminBrowser.Fields(("culture", "fr"), ("returnUrl", "https://evil.example/")), formPage: $"/admin/t/{slug}");
        var arabic = await vendor.PostFormAsync("/admin/language", AdminBrowser.Fields(("culture", "ar"), ("returnUrl", "/admin")), formPage: $"/admin/t/{slug}");
        var inArabic = await vendor.GetAsync($"/admin/t/{slug}");

        Assert.Equal("Übersicht", inGerman.Texts("nav.tabs a").First());
        Assert.Contains("de-DE", inGerman.Html, StringComparison.Ordinal);
        Assert.Equal("Dashboard", page.Texts("nav.tabs a").First());
        Assert.Equal(HttpStatusCode.Redirect, switched.Status);
        Assert.Equal($"/admin/t/{slug}?days=7", switched.Location);
        var cookie = Assert.Single(switched.Cookies, c => c.StartsWith(".alh.admin-lang=", StringComparison.Ordinal));
        Assert.Contains("path=/admin", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("ダッシュボード", inJapanese.Texts("nav.tabs a").First());
        Assert.EndsWith(" · AlexaLinkHub 管理", inJapanese.Dom.Document.Title, StringComparison.Ordinal);
        Assert.Equal("/admin", offsite.Location);
        Assert.Equal(HttpStatusCode.Redirect, arabic.Status);
        Assert.Equal("rtl", inArabic.Dom.Document.DocumentElement.GetAttribute("dir"));
        Assert.Equal("ar", inArabic.Dom.Document.DocumentElement.GetAttribute("lang"));
    }
}
