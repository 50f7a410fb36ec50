using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AlexaLinkHub.Web.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlexaLinkHub.Web.BrowserTests;

/// <summary>"Test this skill" in Chromium, at phone and at desktop size (implicit and code grant): a vendor signs up, opens their skill, presses
/// the button, signs in on the branded login page as an end user of the tenant, allows, and lands back in the console
/// with the fragment, the introspection (<c>"active": true</c>) and userinfo answers and an Alexa request carrying the
/// token; the link is a test link in the API and the dashboard did not count it. axe-core on the new page; screenshots
/// artifacts/screenshots/admin-test-link-*.png. (The 15-minute end runs on the fake clock in TestLinkTests.)</summary>
public sealed class TestThisSkillBrowserTests(LinkHub hub, Chromium chromium)
{
    private string Url(string path) => new Uri(hub.App.BaseUrl, path).ToString();

    /// <summary>At phone size an implicit skill (the token in the fragment), at desktop size a code-grant skill (the console
    /// redeems the code at the token endpoint).</summary>
    [Theory]
    [InlineData("phone", "implicit")]
    [InlineData("desktop", "authorization_code")]
    public async Task Vendor_TestsTheSkill_AndSeesWhatAlexaAndTheSkillBackendWouldGet(string size, string grantType)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var browser = size == "phone" ? await chromium.OpenPhoneAsync() : await chromium.OpenDesktopAsync();
        var page = browser.Page;
        var slug = $"x-{Guid.NewGuid():N}"[..14];
        await page.GotoAsync(Url("admin/signup"));
        await page.GetByLabel("Email").FillAsync($"owner@{slug}.example");
        await page.GetByLabel("Password").FillAsync("vendor secret passphrase");
        await page.GetByLabel("Organization name").FillAsync("Car Fu Motors");
        await page.GetByLabel("Tenant slug").FillAsync(slug);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Url($"admin/t/{slug}"));

        var clientId = $"skill-{Guid.NewGuid():N}";
        (await hub.Platform.PostAsJsonAsync($"/api/v1/tenants/{slug}/skills", new
        {
            name = "Car Fu",
            clientId,
            grantType,
            scopes = new[] { new { name = "taxi.order", description = "order a taxi on your behalf" } },
            redirectUrls = new[] { BrowserLinkSetup.AlexaRedirectUrl },
        }, ct)).EnsureSuccessStatusCode();
        var email = $"jo@{slug}.example";
        var user = await (await hub.Platform.PostAsJsonAsync($"/api/v1/tenants/{slug}/users", new { email, password = "correct horse battery", displayName = "Jo Doe" }, ct))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(ct);

        await page.GotoAsync(Url($"admin/t/{slug}/skills/{clientId}"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Test this skill" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("correct horse battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();

        // Implicit: the page took the fragment out of the address; code grant: the code and state stay in its query.
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(Url($"admin/t/{slug}/test-link")) + (grantType == "implicit" ? "$" : @"\?code=")));
        await Expect(page.Locator("#test-link-introspection")).ToContainTextAsync("\"active\": true");
        await Expect(page.Locator("#test-link-userinfo")).ToContainTextAsync(email);
        await Expect(page.Locator("#test-link-received")).ToContainTextAsync(grantType == "implicit" ? "access_token" : "code");
        var envelope = JsonDocument.Parse(await page.Locator("#test-link-envelope").InputValueAsync()).RootElement;
        var token = envelope.GetProperty("context").GetProperty("System").GetProperty("user").GetProperty("accessToken").GetString();
        Assert.False(string.IsNullOrEmpty(token));
        Assert.Equal(token, envelope.GetProperty("session").GetProperty("user").GetProperty("accessToken").GetString());
        Assert.Equal("IntentRequest", envelope.GetProperty("request").GetProperty("type").GetString());
        if (grantType == "implicit")
            await Expect(page.Locator("#test-link-received")).ToContainTextAsync(token!);
        else
            await Expect(page.Locator("#test-link-token-answer")).ToContainTextAsync(token!);
        Assert.DoesNotContain("#", page.Url, StringComparison.Ordinal);
        Assert.Empty(browser.CspViolations);
        await browser.ScreenshotAsync($"admin-test-link-{size}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        var links = await hub.Platform.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{slug}/users/{user.GetProperty("id").GetGuid()}/links", ct);
        Assert.True(Assert.Single(links.EnumerateArray()).GetProperty("test").GetBoolean());
        var dashboard = await hub.Platform.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{slug}/dashboard", ct);
        Assert.Equal(0, dashboard.GetProperty("liveLinks").GetInt32());
        Assert.Equal(0, dashboard.GetProperty("activeTokens").GetInt32());
        await page.GotoAsync(Url($"admin/t/{slug}/users/{user.GetProperty("id").GetGuid()}"));
        // One badge per token row of the link (a code grant has an access and a refresh token).
        await Expect(page.Locator(".badge.test").First).ToBeVisibleAsync();
    }
}
