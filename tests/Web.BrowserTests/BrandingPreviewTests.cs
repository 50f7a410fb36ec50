using System.Globalization;
using System.Net.Http.Json;
using AlexaLinkHub.Web.BrowserTests.Support;
using AlexaLinkHub.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlexaLinkHub.Web.BrowserTests;

/// <summary>The branding editor previews each tenant page (login, consent, error, sign-up, reset) at phone width in a
/// language picked on the page, with the draft colours and the tenant's own texts: each text in the page's language,
/// else in English, else the built-in one; escaped (<c>&amp;lt;script&amp;gt;</c> shows as typed). The preview posts nowhere
/// (inert markup, <c>form-action 'none'</c>) and shows another tenant's nothing. Screenshots in
/// artifacts/screenshots/admin-preview-*.png.</summary>
public sealed class BrandingPreviewTests(LinkHub hub, Chromium chromium)
{
    // Markup itself is refused (plain text only); what an unescaped page would turn into markup shows as typed.
    private const string SupportMessage = "&lt;script&gt;alert('support')&lt;/script&gt; Call 0800 CARFU & \"ask for Jo\"";

    private string Url(string path) => new Uri(hub.App.BaseUrl, path).ToString();

    [Fact]
    public async Task EveryTenantPage_PreviewedInTwoLanguages_ShowsTheTenantsOwnTextsEscapedAndPostsNowhere()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var desktop = await chromium.OpenDesktopAsync();
        var page = desktop.Page;
        var (slug, _) = await ConsoleOwner.SignUpAsync(page, hub.App.BaseUrl, "p");
        var link = await hub.ArrangeAsync(existingSlug: slug, skillName: "Car Fu Rides");
        // English texts for the heading and the support message; German only for the heading. The login help is nobody's:
        // the built-in text in each language.
        using (var patch = await hub.Platform.PatchAsJsonAsync($"/api/v1/tenants/{slug}", new
        {
            texts = new Dictionary<string, object>
            {
                ["en"] = new { loginHeading = "Welcome to &lt;b&gt;Car Fu&lt;/b&gt;", supportMessage = SupportMessage },
                ["de"] = new { loginHeading = "Willkommen bei Car Fu" },
            },
        }, ct))
            patch.EnsureSuccessStatusCode();
        var posts = new List<string>();
        page.Request += (_, request) => { if (request.Method == "POST") lock (posts) posts.Add(request.Url); };

        await page.GotoAsync(Url($"admin/t/{slug}/branding"));
        await page.Locator("#primary").FillAsync("#aa3300");
        await page.Locator("form button[formaction*='handler=Preview']").ClickAsync();
        await Expect(page.Locator("#primary")).ToHaveValueAsync("#aa3300");
        lock (posts) posts.Clear();

        var frame = page.FrameLocator("iframe[name=branding-preview]");
        foreach (var language in new[] { "en", "de" })
        {
            foreach (var view in new[] { "login", "consent", "error", "signup", "reset" })
            {
                await page.Locator("#preview-view").SelectOptionAsync(view);
                await page.Locator("#preview-language").SelectOptionAsync(language);
                var loaded = page.WaitForResponseAsync(r => r.Url.Contains("/branding/preview?", StringComparison.Ordinal) && r.Url.Contains($"view={view}", StringComparison.Ordinal));
                await page.Locator("form.preview-pick button[type=submit]").ClickAsync();
                var response = await loaded;
                Assert.Equal(200, response.Status);
                var csp = await response.HeaderValueAsync("content-security-policy") ?? string.Empty;
                Assert.Contains("form-action 'none'", csp, StringComparison.Ordinal);
                Assert.Contains("frame-ancestors 'self'", csp, StringComparison.Ordinal);
                Assert.Contains("script-src 'none'", csp, StringComparison.Ordinal);

                await Expect(frame.Locator("html")).ToHaveAttributeAsync("lang", new System.Text.RegularExpressions.Regex($"^{language}"));
                await Expect(frame.Locator("div[inert] h1")).ToBeVisibleAsync();
                // The draft colour, the tenant's support message (English in both: German has none), escaped.
                await Expect(frame.Locator(".support-message")).ToHaveTextAsync(SupportMessage);
                await Expect(frame.Locator("script")).ToHaveCountAsync(0);
                if (view != "error")
                    await Expect(frame.Locator("div[inert] button.primary").First).ToHaveCSSAsync("background-color", "rgb(170, 51, 0)");
                await AssertPageAsync(frame, view, language, link);
                await page.Locator("iframe[name=branding-preview]").ScreenshotAsync(new() { Path = Screenshots.PathOf($"admin-preview-{view}-{language}") });
            }
        }

        // The preview's fields take no focus (inert), so nothing can be typed or submitted; no preview posted anything.
        Assert.False(await frame.Locator("#password").EvaluateAsync<bool>("el => { el.focus(); return document.activeElement === el; }"));
        Assert.Empty(posts);

        // Another tenant's preview is not this admin's to see.
        var other = await hub.ArrangeAsync(tenantName: "Someone Else");
        var foreign = await page.GotoAsync(Url($"admin/t/{other.Slug}/branding/preview?view=consent"));
        Assert.NotNull(foreign);
        Assert.Equal(404, foreign.Status);
        Assert.DoesNotContain(other.SkillName, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Empty(desktop.CspViolations);
        Assert.Empty(desktop.PageErrors);
    }

    private async Task AssertPageAsync(IFrameLocator frame, string view, string language, BrowserLinkSetup link)
    {
        var h1 = frame.Locator("div[inert] h1");
        switch (view)
        {
            case "login":
                await Expect(h1).ToHaveTextAsync(language == "de" ? "Willkommen bei Car Fu" : "Welcome to &lt;b&gt;Car Fu&lt;/b&gt;");
                await Expect(frame.Locator("div[inert] p.hint")).ToHaveTextAsync(BuiltIn(language, "Login.Hint", link.TenantName));
                break;
            case "consent":
                await Expect(h1).ToHaveTextAsync(BuiltIn(language, "Consent.Heading", link.SkillName, link.TenantName));
                await Expect(frame.Locator("ul.scopes li")).ToHaveCountAsync(link.Scopes.Count);
                break;
            case "error":
                await Expect(h1).ToHaveTextAsync(BuiltIn(language, "AuthorizeError.Heading"));
                await Expect(frame.GetByRole(AriaRole.Alert)).ToHaveTextAsync(BuiltIn(language, "AuthorizeError.Explanation", link.TenantName));
                break;
            case "signup":
                await Expect(h1).ToHaveTextAsync(BuiltIn(language, "SignUp.Heading", link.TenantName));
                await Expect(frame.Locator("div[inert] p.lead")).ToHaveTextAsync(BuiltIn(language, "SignUp.Lead", link.SkillName));
                break;
            default:
                await Expect(h1).ToHaveTextAsync(BuiltIn(language, "ResetPassword.Title"));
                await Expect(frame.Locator("div[inert] #password")).ToBeVisibleAsync();
                break;
        }
    }

    /// <summary>The app's own text for <paramref name="key"/> in <paramref name="language"/>.</summary>
    private string BuiltIn(string language, string key, params object[] arguments)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            return hub.App.Factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>()[key, arguments].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
