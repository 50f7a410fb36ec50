using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlexaLinkHub.Web.BrowserTests;

/// <summary>The admin area in a real browser: a vendor goes from sign-up to a skill ready for the Alexa console, and an
/// admin customises branding, sees a link counted and revokes its token — all without the API. Screenshots of each main
/// page land in artifacts/screenshots/admin-*.png.</summary>
public sealed class AdminJourneyTests(LinkHub hub, Chromium chromium)
{
    [Fact]
    public async Task Vendor_SignsUpAndRegistersASkillWithTheAlexaHelper_GetsTheConsoleValues()
    {
        await using var desktop = await chromium.OpenDesktopAsync();
        var page = desktop.Page;
        var slug = $"v-{Guid.NewGuid():N}"[..14];

        await page.GotoAsync(new Uri(hub.App.BaseUrl, "admin").ToString());
        Assert.EndsWith("/admin/login?returnUrl=%2Fadmin", page.Url, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "Create an account for your organization" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync($"owner@{slug}.example");
        await page.GetByLabel("Password").FillAsync("vendor secret passphrase");
        await page.GetByLabel("Organization name").FillAsync("Car Fu Motors");
        await page.GetByLabel("Tenant slug").FillAsync(slug);
        await desktop.ScreenshotAsync("admin-signup");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(hub.App.BaseUrl, $"admin/t/{slug}").ToString());
        await Expect(page.GetByText($"Tenant slug {slug}")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Links and failed link attempts per day, last 30 days" })).ToBeVisibleAsync();
        await desktop.ScreenshotAsync("admin-dashboard");

        await page.GetByRole(AriaRole.Link, new() { Name = "Skills", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Register a skill" }).ClickAsync();
        await page.GetByLabel("Skill name").FillAsync("Car Fu");
        await page.GetByLabel("Scope 1 name", new() { Exact = true }).FillAsync("taxi.order");
        await page.GetByLabel("Scope 1 description", new() { Exact = true }).FillAsync("order a taxi on your behalf");
        await page.GetByLabel("Vendor ID").FillAsync("M2VENDOR1234");
        await page.GetByRole(AriaRole.Button, new() { Name = "Fill in Alexa redirect URLs" }).ClickAsync();

        var redirectUrls = page.Locator("#redirect-urls");
        await Expect(redirectUrls).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^https://pitangui\\.amazon\\.com/api/skill/link/M2VENDOR1234\n"));
        Assert.Equal(6, (await redirectUrls.InputValueAsync()).Split('\n').Length);
        await Expect(page.GetByLabel("Skill name")).ToHaveValueAsync("Car Fu");
        await desktop.ScreenshotAsync("admin-skill-new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register skill" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Paste into the Alexa developer console" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Your Web Authorization URI")).ToHaveValueAsync(new Uri(hub.App.BaseUrl, $"t/{slug}/connect/authorize").ToString());
        await Expect(page.GetByLabel("Access Token URI")).ToHaveValueAsync(new Uri(hub.App.BaseUrl, $"t/{slug}/connect/token").ToString());
        await Expect(page.GetByLabel("Your Authentication Scheme")).ToHaveValueAsync("HTTP Basic (Recommended)");
        await Expect(page.GetByLabel("Scope 1")).ToHaveValueAsync("taxi.order");
        await Expect(page.GetByText("Copy the client secret now: it is shown only this once.")).ToBeVisibleAsync();
        Assert.True((await page.GetByLabel("Your Secret").InputValueAsync()).Length >= 40);
        // The copy buttons are a progressive enhancement: the admin page's own script shows them.
        await Expect(page.Locator("button[data-copy=console-client-id]")).ToBeVisibleAsync();
        await desktop.ScreenshotAsync("admin-skill-console");

        Assert.Empty(desktop.CspViolations);
        Assert.Empty(desktop.PageErrors);
        Assert.Empty(desktop.Dialogs);
    }

    [Fact]
    public async Task Admin_CustomisesBrandingSeesALinkCountedAndRevokesItsToken()
    {
        var link = await hub.ArrangeAsync();
        await using var desktop = await chromium.OpenDesktopAsync();
        var admin = desktop.Page;
        await SignInAsPlatformAdminAsync(admin);

        await admin.GotoAsync(new Uri(hub.App.BaseUrl, $"admin/t/{link.Slug}/branding").ToString());
        await admin.GetByLabel("Primary colour").FillAsync("#aa3300");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Preview", Exact = true }).ClickAsync();
        var preview = admin.FrameLocator("iframe[title='Preview of the login page']");
        await Expect(preview.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Sign in to {link.TenantName}");
        await Expect(preview.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToHaveCSSAsync("background-color", "rgb(170, 51, 0)");
        await desktop.ScreenshotAsync("admin-branding");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save branding" }).ClickAsync();
        await Expect(admin.GetByText("Branding saved.")).ToBeVisibleAsync();

        // An end user links their account on a phone, and the login page already wears the new colour.
        await using var phone = await chromium.OpenPhoneAsync();
        await phone.InterceptAmazonAsync();
        await phone.Page.GotoAsync(link.AuthorizeUrl(Support.BrowserLinkSetup.NewState()));
        await Expect(phone.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToHaveCSSAsync("background-color", "rgb(170, 51, 0)");
        await phone.Page.GetByLabel("Email").FillAsync(link.Email);
        await phone.Page.GetByLabel("Password").FillAsync(link.Password);
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        var token = (await phone.WaitForAmazonAsync())["access_token"];
        Assert.True((await hub.IntrospectAsync(link, token)).GetProperty("active").GetBoolean());

        await admin.GotoAsync(new Uri(hub.App.BaseUrl, $"admin/t/{link.Slug}").ToString());
        await Expect(admin.Locator(".stat").Filter(new() { HasText = "Linked accounts" })).ToHaveTextAsync("1Linked accounts");
        await Expect(admin.Locator(".stat").Filter(new() { HasText = "Active tokens" })).ToHaveTextAsync("1Active tokens");
        await desktop.ScreenshotAsync("admin-dashboard-linked");

        await admin.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = link.Email }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = link.SkillName })).ToBeVisibleAsync();
        await desktop.ScreenshotAsync("admin-user");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Revoke token", Exact = false }).First.ClickAsync();

        await Expect(admin.GetByText("Token revoked, with the link it belongs to.")).ToBeVisibleAsync();
        Assert.False((await hub.IntrospectAsync(link, token)).GetProperty("active").GetBoolean());
        Assert.Empty(desktop.CspViolations);
        Assert.Empty(desktop.PageErrors);
        Assert.Empty(desktop.Dialogs);
    }

    [Fact]
    public async Task AdminPages_OnAPhone_FitTheScreen()
    {
        var link = await hub.ArrangeAsync();
        await using var phone = await chromium.OpenPhoneAsync();
        var page = phone.Page;
        await SignInAsPlatformAdminAsync(page);

        foreach (var (path, name) in new[] { ("", "admin-dashboard-phone"), ($"/skills/{link.ClientId}", "admin-skill-phone"), ($"/users/{link.UserId}", "admin-user-phone") })
        {
            await page.GotoAsync(new Uri(hub.App.BaseUrl, $"admin/t/{link.Slug}{path}").ToString());
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, $"{path}: the page scrolls sideways on a phone");
            await phone.ScreenshotAsync(name);
        }
        Assert.Empty(phone.CspViolations);
    }

    private async Task SignInAsPlatformAdminAsync(IPage page)
    {
        await page.GotoAsync(new Uri(hub.App.BaseUrl, "admin/login").ToString());
        await page.GetByLabel("Email").FillAsync(AlexaLinkHubFactory.AdminEmail);
        await page.GetByLabel("Password").FillAsync(AlexaLinkHubFactory.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(hub.App.BaseUrl, "admin/tenants").ToString());
    }
}
