using System.Net;
using AlexaLinkHub.Web.FunctionalTests.Admin.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Admin;

/// <summary>The branding editor: a preview rendered by the login page's own template, contrast warnings, and the same
/// validation as the API.</summary>
public sealed class BrandingPageTests(AdminFixture app) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task Preview_DraftBranding_RendersTheRealLoginMarkupWithItWithoutSaving()
    {
        var (vendor, slug, _) = await app.VendorAsync("brand");
        using var _ = vendor;
        const string logo = "https://cdn.vendor.example/logo.png";

        var preview = await vendor.GetAsync($"/admin/t/{slug}/branding/preview?PrimaryColor=%23aa0000&BackgroundColor=%23ffeedd&LogoUrl={Uri.EscapeDataString(logo)}");
        var login = await vendor.GetAsync($"/t/{slug}/login");

        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains("--brand:#aa0000;", preview.Html, StringComparison.Ordinal);
        Assert.Contains("--page:#ffeedd;", preview.Html, StringComparison.Ordinal);
        Assert.Contains($"<img class=\"logo\" src=\"{logo}\"", preview.Html, StringComparison.Ordinal);
        // The same page: heading, fields and links as the live login page.
        Assert.Equal(login.H1, preview.H1);
        Assert.Equal(login.Labels, preview.Labels);
        Assert.Equal(login.Texts("a"), preview.Texts("a"));
        Assert.Contains("/css/tenant.css", preview.Html, StringComparison.Ordinal);
        var csp = preview.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("https://cdn.vendor.example", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'none'", csp, StringComparison.Ordinal);
        // Nothing was saved.
        Assert.Contains("--brand:#1f6feb;", login.Html, StringComparison.Ordinal);
        var tenant = await app.ApiGetAsync($"/api/v1/tenants/{slug}");
        Assert.Equal("#1f6feb", tenant.GetProperty("branding").GetProperty("primaryColor").GetString());
    }

    [Fact]
    public async Task PreviewButton_LightPrimaryColour_FramesTheDraftAndWarnsAboutContrast()
    {
        var (vendor, slug, _) = await app.VendorAsync("brand");
        using var _ = vendor;

        var page = await vendor.PostFormAsync($"/admin/t/{slug}/branding?handler=Preview", Branding(primary: "#ffff00"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"src=\"/admin/t/{slug}/branding/preview?PrimaryColor=%23ffff00&amp;BackgroundColor=%23ffffff&amp;culture=en\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("title=\"Preview of the login page\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("Links and your name in the primary colour have a contrast of 1.1:1 on the white card", page.Text, StringComparison.Ordinal);
        Assert.Contains("Preview (not saved)", page.Text, StringComparison.Ordinal);
        Assert.Contains($"<form method=\"post\" action=\"/admin/t/{slug}/branding?lang=en\"", page.Html, StringComparison.Ordinal);
        Assert.Equal("#1f6feb", (await app.ApiGetAsync($"/api/v1/tenants/{slug}")).GetProperty("branding").GetProperty("primaryColor").GetString());
    }

    [Fact]
    public async Task DefaultBranding_HasNoContrastWarning()
    {
        var (vendor, slug, _) = await app.VendorAsync("brand");
        using var _ = vendor;

        var page = await vendor.GetAsync($"/admin/t/{slug}/branding");

        Assert.DoesNotContain("contrast of", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://cdn.vendor.example/logo.png", "logoUrl must use https.")]
    [InlineData("javascript:alert(1)", "logoUrl must use https.")]
    [InlineData("https://user:pw@cdn.vendor.example/logo.png", "logoUrl must not contain a user name or password.")]
    public async Task Save_InvalidLogoUrl_IsRefusedInlineAndNothingChanges(string logoUrl, string message)
    {
        var (vendor, slug, _) = await app.VendorAsync("brand");
        using var _ = vendor;

        var page = await vendor.PostFormAsync($"/admin/t/{slug}/branding", Branding(primary: "#123456", logo: logoUrl));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(message, page.TextOfId("logo-error"));
        Assert.Equal(logoUrl, page.ValueOfId("logo"));
        var branding = (await app.ApiGetAsync($"/api/v1/tenants/{slug}")).GetProperty("branding");
        Assert.Equal("#1f6feb", branding.GetProperty("primaryColor").GetString());
    }

    [Fact]
    public async Task Save_ValidBranding_IsWhatTheLoginPageUsesFromNowOn()
    {
        var (vendor, slug, _) = await app.VendorAsync("brand");
        using var _ = vendor;

        var page = await vendor.PostFormAsync($"/admin/t/{slug}/branding", Branding(primary: "#123456", background: "#f0f0f0", support: "https://help.vendor.example"));
        var login = await vendor.GetAsync($"/t/{slug}/login");

        Assert.Contains("Branding saved.", page.Text, StringComparison.Ordinal);
        Assert.Contains("--brand:#123456;", login.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://help.vendor.example\"", login.Html, StringComparison.Ordinal);
        var audit = await app.ApiGetAsync($"/api/v1/tenants/{slug}/audit?action=tenant.branding_updated");
        Assert.Equal($"admin:{slug}@vendor.example", audit.GetProperty("items")[0].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task TextsForm_TwoLanguages_EachPreviewShowsItsLanguageAndMarkupIsRefusedInline()
    {
        var (vendor, slug, _) = await app.VendorAsync("texts");
        using var _ = vendor;

        var german = await vendor.PostFormAsync($"/admin/t/{slug}/branding?handler=Texts&lang=de",
            AdminBrowser.Fields(("Texts.LoginHeading", "Willkommen bei Car Fu"), ("Texts.LoginHelp", "Nutzen Sie Ihr Car-Fu-Konto"), ("Texts.SupportMessage", "")));
        var english = await vendor.PostFormAsync($"/admin/t/{slug}/branding?handler=Texts&lang=en",
            AdminBrowser.Fields(("Texts.LoginHeading", "Welcome to Car Fu"), ("Texts.LoginHelp", ""), ("Texts.SupportMessage", "Questions? Call us.")));
        var refused = await vendor.PostFormAsync($"/admin/t/{slug}/branding?handler=Texts&lang=de",
            AdminBrowser.Fields(("Texts.LoginHeading", "<script>alert(1)</script>"), ("Texts.LoginHelp", ""), ("Texts.SupportMessage", "")));
        var editor = await vendor.GetAsync($"/admin/t/{slug}/branding?lang=de");
        var previewDe = await vendor.GetAsync($"/admin/t/{slug}/branding/preview?culture=de");
        var previewFr = await vendor.GetAsync($"/admin/t/{slug}/branding/preview?culture=fr");
        var previewJa = await vendor.GetAsync($"/admin/t/{slug}/branding/preview?culture=ja");

        Assert.Equal(HttpStatusCode.OK, german.Status);
        Assert.Equal(["Texts saved. The login pages use them now."], german.Texts("p.notice"));
        Assert.Equal(HttpStatusCode.OK, english.Status);
        Assert.Equal("Login heading must be plain text (no HTML).", refused.TextOfId("login-heading-error"));
        Assert.Equal("true", refused.Dom.ById("login-heading")!.GetAttribute("aria-invalid"));
        Assert.Equal("Willkommen bei Car Fu", editor.ValueOfId("login-heading"));
        Assert.Contains("culture=de", editor.Dom.Document.QuerySelector("iframe.preview-frame")!.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal(["Willkommen bei Car Fu"], previewDe.Texts("h1"));
        Assert.Equal(["Nutzen Sie Ihr Car-Fu-Konto"], previewDe.Texts("p.hint"));
        Assert.Equal(["Questions? Call us."], previewDe.Texts("p.support-message"));
        Assert.Equal("de", previewDe.Dom.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(["Welcome to Car Fu"], previewFr.Texts("h1"));
        Assert.Equal("fr", previewFr.Dom.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(["Welcome to Car Fu"], previewJa.Texts("h1"));
        Assert.DoesNotContain("<script>alert", previewDe.Html, StringComparison.Ordinal);
    }

    private static IEnumerable<KeyValuePair<string, string>> Branding(string primary = "#1f6feb", string background = "#ffffff", string logo = "", string support = "") =>
        AdminBrowser.Fields(("Input.PrimaryColor", primary), ("Input.BackgroundColor", background), ("Input.LogoUrl", logo), ("Input.SupportUrl", support), ("Input.PrivacyUrl", ""));
}
