using System.Net.Http.Json;
using System.Text.Json;
using AlexaLinkHub.Web.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlexaLinkHub.Web.BrowserTests;

/// <summary>The main journeys with the keyboard only (Tab, Shift+Tab, Enter, Space; no click): an end user links on a
/// phone, and an admin signs in, registers a skill and rotates its secret. Every press moves the focus, the focused
/// element shows a visible indicator, and no page traps the focus.</summary>
public sealed class KeyboardJourneyTests(LinkHub hub, Chromium chromium)
{
    private string Url(string path) => new Uri(hub.App.BaseUrl, path).ToString();

    [Fact]
    public async Task EndUser_LinksOnThePhoneWithTheKeyboardOnly()
    {
        var link = await hub.ArrangeAsync();
        await using var phone = await chromium.OpenPhoneAsync();
        await phone.InterceptAmazonAsync();
        var page = phone.Page;
        var state = BrowserLinkSetup.NewState();

        await page.GotoAsync(link.AuthorizeUrl(state));
        await Keyboard.AssertNoTrapAsync(page);
        await page.EvaluateAsync("() => document.activeElement?.blur()");
        await Keyboard.TabToAsync(page, page.Locator("#email"));
        await page.Keyboard.TypeAsync(link.Email);
        await Keyboard.TabToAsync(page, page.Locator("#password"));
        await page.Keyboard.TypeAsync("not the password");
        await page.Keyboard.PressAsync("Enter");

        // A wrong password: the error is announced and the user corrects it without the mouse, going back with Shift+Tab.
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Keyboard.TabToAsync(page, page.Locator("button.primary"));
        await Keyboard.TabToAsync(page, page.Locator("#password"), backwards: true);
        await page.Keyboard.TypeAsync(link.Password);
        await Keyboard.TabToAsync(page, page.Locator("button.primary"));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("button[value=allow]")).ToBeVisibleAsync();
        await Keyboard.AssertNoTrapAsync(page);
        await page.EvaluateAsync("() => document.activeElement?.blur()");
        await Keyboard.TabToAsync(page, page.Locator("button[value=allow]"));
        await page.Keyboard.PressAsync("Space");

        var fragment = await phone.WaitForAmazonAsync();
        Assert.Equal(state, fragment["state"]);
        Assert.True((await hub.IntrospectAsync(link, fragment["access_token"])).GetProperty("active").GetBoolean());
        Assert.Empty(phone.CspViolations);
        Assert.Empty(phone.PageErrors);
    }

    [Fact]
    public async Task Admin_SignsInRegistersASkillAndRotatesItsSecretWithTheKeyboardOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        var (slug, email) = await SignUpOwnerAsync();
        await using var desktop = await chromium.OpenDesktopAsync();
        var page = desktop.Page;

        // The skip link is the first stop and takes the focus past the header to the page's content.
        await page.GotoAsync(Url("admin/login"));
        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator("a.skip");
        Assert.True(await skip.EvaluateAsync<bool>("el => el === document.activeElement"), "the skip link is not the first focus stop");
        await Expect(skip).ToBeInViewportAsync();
        await Keyboard.AssertFocusVisibleAsync(page);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(Url("admin/login#main"));
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.closest('main') !== null"), "after the skip link, Tab does not land in the page's content");
        await Keyboard.TabToAsync(page, page.Locator("#email"));
        await page.Keyboard.TypeAsync(email);
        await Keyboard.TabToAsync(page, page.Locator("#password"));
        await page.Keyboard.TypeAsync(ConsoleOwner.Password);
        await page.Keyboard.PressAsync("Enter");
        // The browser keeps the skip link's #main through the sign-in's redirect.
        await Expect(page).ToHaveURLAsync(Url($"admin/t/{slug}#main"));
        await Keyboard.AssertNoTrapAsync(page);

        await page.EvaluateAsync("() => document.activeElement?.blur()");
        await Keyboard.TabToAsync(page, page.Locator($"nav.tabs a[href='/admin/t/{slug}/skills']"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(Url($"admin/t/{slug}/skills"));
        await Keyboard.TabToAsync(page, page.Locator($"main a[href='/admin/t/{slug}/new-skill']"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(Url($"admin/t/{slug}/new-skill"));
        await Keyboard.AssertNoTrapAsync(page);

        await page.EvaluateAsync("() => document.activeElement?.blur()");
        await Keyboard.TabToAsync(page, page.Locator("#name"));
        await page.Keyboard.TypeAsync("Car Fu");
        // The grant type is a radio group: Tab enters it, the arrow keys would move inside it; the default is kept.
        await Keyboard.TabToAsync(page, page.Locator("#scope-0-name"));
        await page.Keyboard.TypeAsync("taxi.order");
        await Keyboard.TabToAsync(page, page.Locator("#scope-0-description"));
        await page.Keyboard.TypeAsync("order a taxi on your behalf");
        await Keyboard.TabToAsync(page, page.Locator("#redirect-urls"));
        await page.Keyboard.TypeAsync(BrowserLinkSetup.AlexaRedirectUrl);
        await Keyboard.TabToAsync(page, page.Locator("main form button.btn:not(.btn-secondary)"));
        await page.Keyboard.PressAsync("Enter");
        var toSkill = page.Locator($"main a.btn[href^='/admin/t/{slug}/skills/']");
        await Expect(toSkill).ToBeVisibleAsync();
        var clientId = (await toSkill.GetAttributeAsync("href"))!.Split('/')[^1];
        await Keyboard.TabToAsync(page, toSkill);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(Url($"admin/t/{slug}/skills/{clientId}"));

        await Keyboard.TabToAsync(page, page.Locator("form[action*='handler=Rotate'] button"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("form[action*='handler=EndOverlap'] button")).ToBeVisibleAsync();
        var skill = await hub.Platform.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{slug}/skills/{clientId}", ct);
        Assert.Equal(JsonValueKind.String, skill.GetProperty("previousSecretValidUntil").ValueKind);
        await Keyboard.AssertNoTrapAsync(page);
        Assert.Empty(desktop.CspViolations);
        Assert.Empty(desktop.PageErrors);
    }

    private async Task<(string Slug, string Email)> SignUpOwnerAsync()
    {
        await using var context = await chromium.OpenDesktopAsync();
        return await ConsoleOwner.SignUpAsync(context.Page, hub.App.BaseUrl, "k");
    }
}
