using AlexaLinkHub.Web.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlexaLinkHub.Web.BrowserTests;

/// <summary>Every tenant page fits a phone: no horizontal scrolling at the Pixel 7's width, even with long names.</summary>
public sealed class PageLayoutTests(LinkHub hub, Chromium chromium)
{
    [Fact]
    public async Task TenantPages_PhoneViewportWithLongNames_HaveNoHorizontalScroll()
    {
        // German compounds: long words with no place to break are what overflows a narrow card.
        var link = await hub.ArrangeAsync(
            tenantName: "Fahrzeugflottenverwaltungsgesellschaft Süddeutschland",
            skillName: "Kraftfahrzeugvermietungsassistent",
            scopes: [("taxi.order", "Taxibestellungsbestätigungsbenachrichtigungen empfangen")]);
        await using var phone = await chromium.OpenPhoneAsync();
        var page = phone.Page;

        await page.GotoAsync(link.AuthorizeUrl(BrowserLinkSetup.NewState()));
        await AssertNoHorizontalScrollAsync(page, "login page");

        await page.GetByLabel("Email").FillAsync(link.Email);
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await AssertNoHorizontalScrollAsync(page, "login page with an error");

        await LinkFlowTests.SignInAsync(page, link);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Allow" })).ToBeVisibleAsync();
        await AssertNoHorizontalScrollAsync(page, "consent page");

        await page.GotoAsync(link.AuthorizeUrl(BrowserLinkSetup.NewState(), clientId: "no-such-skill"));
        await AssertNoHorizontalScrollAsync(page, "error page");
        Assert.Empty(phone.CspViolations);
    }

    private static async Task AssertNoHorizontalScrollAsync(IPage page, string what)
    {
        // The pages have no script of their own; the test measures the layout from outside.
        var size = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        var device = page.ViewportSize!.Width;
        Assert.True(size[0] <= size[1] && size[1] == device,
            $"The {what} scrolls sideways at {Chromium.Device} width: scrollWidth {size[0]}, innerWidth {size[1]}, viewport {device}.");
    }
}
