using System.Net.Http.Json;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlexaLinkHub.Web.BrowserTests;

/// <summary>axe-core on every admin and tenant page, at phone and desktop width, the tenant pages in English and Arabic
/// (right to left): no serious or critical violation. Each test walks many pages in one browser context and reports
/// every violation with its page's URL before it fails. The tenant it looks at has a skill, end users, a webhook, an
/// import with a failed row and an audit trail, so no list page is empty. Pages that need a state only a journey
/// reaches (an admin's second factor, a valid reset or invitation link, the provider choice) are checked in those
/// journeys' tests.</summary>
public sealed class AccessibilityTests(LinkHub hub, Chromium chromium)
{
    private string Url(string path) => new Uri(hub.App.BaseUrl, path).ToString();

    [Fact]
    public async Task AdminPages_AtDesktopAndPhoneWidth_HaveNoSeriousViolations()
    {
        var violations = new List<string>();
        var tenant = await ArrangeTenantAsync();

        foreach (var open in new Func<Task<PhonePage>>[] { () => chromium.OpenDesktopAsync(), () => chromium.OpenPhoneAsync() })
        {
            await using (var visitor = await open())
                await WalkAsync(visitor.Page, violations, "admin/login", "admin/signup", "admin/forgot-password",
                    "admin/reset-password?token=not-a-token", "admin/invitation?token=not-a-token");

            await using (var owner = await open())
            {
                await SignInAsync(owner.Page, tenant.OwnerEmail, ConsoleOwner.Password, $"admin/t/{tenant.Slug}");
                var t = $"admin/t/{tenant.Slug}";
                await WalkAsync(owner.Page, violations,
                    t, $"{t}/skills", $"{t}/skills/{tenant.ClientId}", $"{t}/skills/{tenant.ClientId}/edit", $"{t}/new-skill",
                    $"{t}/users", $"{t}/users?q=jo", $"{t}/users/{tenant.UserId}", $"{t}/users/new", $"{t}/users/import",
                    $"{t}/users/imports/{tenant.ImportId}", $"{t}/users/{tenant.UserId}/delete", $"{t}/team", $"{t}/api-keys",
                    $"{t}/webhooks", $"{t}/webhooks/{tenant.WebhookId}", $"{t}/audit", $"{t}/branding",
                    $"{t}/sign-in-providers", $"{t}/legacy-sign-in", "admin/account/security");
                Assert.Empty(owner.CspViolations);
            }

            await using (var platform = await open())
            {
                await SignInAsync(platform.Page, AlexaLinkHubFactory.AdminEmail, AlexaLinkHubFactory.AdminPassword, "admin/tenants");
                await WalkAsync(platform.Page, violations, "admin/tenants", $"admin/tenants/{tenant.Slug}", "admin/platform", "admin/platform/audit");
            }
        }

        Assert.True(violations.Count == 0, $"{violations.Count} serious or critical violations:\n" + string.Join("\n", violations));
    }

    [Fact]
    public async Task TenantPages_OnAPhoneAndADesktop_InEnglishAndArabic_HaveNoSeriousViolations()
    {
        var violations = new List<string>();
        var link = await hub.ArrangeAsync();
        await EnableSignUpAsync(link.Slug);

        foreach (var (locale, phone) in new[] { ("en-US", true), ("ar", true), ("en-US", false), ("ar", false) })
        {
            await using var visitor = phone ? await chromium.OpenPhoneAsync(locale) : await chromium.OpenDesktopAsync(locale);
            var page = visitor.Page;
            var t = $"t/{link.Slug}";

            await page.GotoAsync(link.AuthorizeUrl(BrowserLinkSetup.NewState()));
            await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", locale == "ar" ? "rtl" : "ltr");
            violations.AddRange(await Accessibility.SeriousViolationsAsync(page));

            // The login page with an inline error, then the pages around it, then consent and the account page.
            await page.Locator("#email").FillAsync(link.Email);
            await page.Locator("#password").FillAsync("not the password");
            await page.Locator("button.primary").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
            violations.AddRange(await Accessibility.SeriousViolationsAsync(page));

            await WalkAsync(page, violations, $"{t}/signup", $"{t}/forgot-password", $"{t}/reset-password?token=not-a-token",
                $"{t}/confirm-email?token=not-a-token");
            await page.GotoAsync(link.AuthorizeUrl(BrowserLinkSetup.NewState(), clientId: "no-such-skill"));
            violations.AddRange(await Accessibility.SeriousViolationsAsync(page));

            await page.GotoAsync(link.AuthorizeUrl(BrowserLinkSetup.NewState()));
            await page.Locator("#email").FillAsync(link.Email);
            await page.Locator("#password").FillAsync(link.Password);
            await page.Locator("button.primary").ClickAsync();
            await Expect(page.Locator("button[value=allow]")).ToBeVisibleAsync();
            violations.AddRange(await Accessibility.SeriousViolationsAsync(page));
            // Signed in since the login: the account page (nothing linked yet; the unlink buttons are checked in
            // AccountFlowTests).
            await WalkAsync(page, violations, $"{t}/account");
            Assert.Empty(visitor.CspViolations);
        }

        Assert.True(violations.Count == 0, $"{violations.Count} serious or critical violations:\n" + string.Join("\n", violations));
    }

    private async Task WalkAsync(IPage page, List<string> violations, params string[] paths)
    {
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(Url(path));
            // 400: a link with a token that is not valid answers its page with that status.
            Assert.True(response?.Status is 200 or 400, $"{path} answered {response?.Status}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            violations.AddRange(await Accessibility.SeriousViolationsAsync(page));
        }
    }

    private async Task SignInAsync(IPage page, string email, string password, string landing)
    {
        await page.GotoAsync(Url("admin/login"));
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("main form button[type=submit]").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(Url(landing));
    }

    private async Task EnableSignUpAsync(string slug)
    {
        using var response = await hub.Platform.PatchAsJsonAsync($"/api/v1/tenants/{slug}", new { signUpEnabled = true }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private sealed record SeededTenant(string Slug, string OwnerEmail, string ClientId, Guid UserId, Guid WebhookId, Guid ImportId);

    /// <summary>A tenant its owner signed up for in the console, then filled through the API: a skill, an end user, a
    /// webhook, an import with one bad row, sign-up on. Each of these writes an audit entry.</summary>
    private async Task<SeededTenant> ArrangeTenantAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        string slug, owner;
        await using (var context = await chromium.OpenDesktopAsync())
            (slug, owner) = await ConsoleOwner.SignUpAsync(context.Page, hub.App.BaseUrl, "a");
        var link = await hub.ArrangeAsync(existingSlug: slug);
        using var webhook = await hub.Platform.PostAsJsonAsync($"/api/v1/tenants/{slug}/webhooks",
            new { url = "https://hooks.carfu.example/alexa", events = new[] { "account.linked" } }, ct);
        webhook.EnsureSuccessStatusCode();
        var webhookId = (await webhook.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct)).GetProperty("id").GetGuid();
        var import = await hub.Platform.ImportAsync(slug, "email,displayName\nann@carfu.example,Ann\nnot-an-email,Bob\n", ImportArrange.Csv);
        await EnableSignUpAsync(slug);
        return new SeededTenant(slug, owner, link.ClientId, link.UserId, webhookId, import.GetProperty("id").GetGuid());
    }
}
