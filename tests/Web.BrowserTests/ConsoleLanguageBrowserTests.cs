using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlexaLinkHub.Web.BrowserTests;

/// <summary>The console in another language, in one browser: a platform admin whose browser asks for German signs in,
/// creates a tenant and a user and walks the main pages (every heading and button in German), then picks Arabic in the
/// switcher and finds the same pages right to left, down to the sign-in page after signing out. Screenshots in
/// artifacts/screenshots/admin-users-de.png and admin-team-ar.png.</summary>
public sealed class ConsoleLanguageBrowserTests(LinkHub hub, Chromium chromium)
{
    private string Url(string path) => new Uri(hub.App.BaseUrl, path).ToString();

    private static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private static async Task ExpectDirectionAsync(IPage page, string direction, string language)
    {
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", direction);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", new System.Text.RegularExpressions.Regex($"^{language}"));
    }

    [Fact]
    public async Task Console_InGermanThenArabic_TranslatesTheMainPagesAndTurnsRightToLeft()
    {
        await using var desktop = await chromium.OpenDesktopAsync("de-DE");
        var page = desktop.Page;
        var slug = $"l-{Guid.NewGuid():N}"[..14];
        var userEmail = $"jo@{slug}.example";

        await page.GotoAsync(Url("admin/login"));
        await Expect(Heading(page)).ToHaveTextAsync("Im Verwaltungsbereich anmelden");
        await ExpectDirectionAsync(page, "ltr", "de");
        await page.GetByLabel("E-Mail").FillAsync(AlexaLinkHubFactory.AdminEmail);
        await page.GetByLabel("Passwort").FillAsync(AlexaLinkHubFactory.AdminPassword);
        await Button(page, "Anmelden").ClickAsync();

        await Expect(Heading(page)).ToHaveTextAsync("Mandanten");
        await page.GetByLabel("Slug", new() { Exact = true }).FillAsync(slug);
        await page.GetByLabel("Anzeigename").FillAsync("Car Fu Motors");
        await Button(page, "Mandanten anlegen").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Mandant {slug} angelegt.");
        // Other test classes share the app, so the list holds other "Car Fu Motors": this tenant's row is found by its slug.
        await Expect(page.Locator($"a[href$='/admin/tenants/{slug}']")).ToHaveAttributeAsync("aria-label", "Car Fu Motors verwalten");

        await page.GotoAsync(Url($"admin/t/{slug}/users/new"));
        await Expect(Heading(page)).ToHaveTextAsync("Nutzer anlegen");
        await page.GetByLabel("E-Mail").FillAsync(userEmail);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Jo");
        await page.GetByLabel("Passwort").FillAsync("a long enough passphrase");
        await Button(page, "Nutzer anlegen").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Verknüpfte Skills" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Dieser Nutzer hat noch keinen Skill verknüpft.")).ToBeVisibleAsync();
        await Expect(Button(page, "Deaktivieren")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Nutzer", Exact = true }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("Nutzer");
        await Expect(page.GetByText("1 Nutzer, nach E-Mail sortiert.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Angelegt (UTC)" })).ToBeVisibleAsync();
        await desktop.ScreenshotAsync("admin-users-de");

        await page.GetByRole(AriaRole.Link, new() { Name = "Team", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Administrator per E-Mail einladen")).ToBeVisibleAsync();
        await Expect(Button(page, "Einladung senden")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "API-Schlüssel", Exact = true }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("API-Schlüssel");
        await Expect(Button(page, "Schlüssel erstellen")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Webhooks", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Noch keine Webhooks.")).ToBeVisibleAsync();
        await Expect(Button(page, "Webhook hinzufügen")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit-Protokoll", Exact = true }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("Audit-Protokoll");
        await Expect(Button(page, "Filtern")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "CSV exportieren" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Anmeldeanbieter", Exact = true }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("Anmeldeanbieter");
        await Expect(Button(page, "Anbieter hinzufügen")).ToBeVisibleAsync();

        // The switcher: Arabic from now on, on the page it was picked on, right to left.
        await page.GotoAsync(Url($"admin/t/{slug}/team"));
        await page.Locator("#admin-language").SelectOptionAsync("ar");
        await Button(page, "Wechseln").ClickAsync();
        await Expect(page).ToHaveURLAsync(Url($"admin/t/{slug}/team"));
        await ExpectDirectionAsync(page, "rtl", "ar");
        await Expect(Heading(page)).ToHaveTextAsync("الفريق");
        await Expect(Button(page, "إرسال الدعوة")).ToBeVisibleAsync();
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "the Arabic team page scrolls sideways");
        await desktop.ScreenshotAsync("admin-team-ar");

        await page.GetByRole(AriaRole.Link, new() { Name = "المستخدمون", Exact = true }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("المستخدمون");
        await page.GetByRole(AriaRole.Link, new() { Name = userEmail }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "المهارات المرتبطة" })).ToBeVisibleAsync();
        await Expect(Button(page, "تعطيل")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "خطافات الويب", Exact = true }).ClickAsync();
        await Expect(Button(page, "إضافة خطاف الويب")).ToBeVisibleAsync();
        await page.GotoAsync(Url("admin/tenants"));
        await Expect(Heading(page)).ToHaveTextAsync("المستأجرون");
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "الحالة" })).ToBeVisibleAsync();
        await ExpectDirectionAsync(page, "rtl", "ar");

        await Button(page, "تسجيل الخروج").ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("تسجيل الدخول إلى منطقة الإدارة");
        await ExpectDirectionAsync(page, "rtl", "ar");

        Assert.Empty(desktop.CspViolations);
        Assert.Empty(desktop.PageErrors);
    }
}
