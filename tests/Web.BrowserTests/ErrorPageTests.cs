using AlexaLinkHub.Web.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlexaLinkHub.Web.BrowserTests;

/// <summary>An authorization request that can't be trusted ends on the tenant's own error page, never at a redirect.</summary>
public sealed class ErrorPageTests(LinkHub hub, Chromium chromium)
{
    [Fact]
    public async Task Authorize_UnknownClient_ShowsTheBrandedErrorPageWith400AndStaysOnIt()
    {
        var link = await hub.ArrangeAsync();
        await using var phone = await chromium.OpenPhoneAsync();
        await phone.InterceptAmazonAsync();
        var page = phone.Page;
        var url = link.AuthorizeUrl(BrowserLinkSetup.NewState(), clientId: "no-such-skill");

        var response = await page.GotoAsync(url);

        Assert.NotNull(response);
        Assert.Equal(400, response.Status);
        Assert.Equal(url, page.Url);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This link request can't be completed");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync($"The request to link your {link.TenantName} account is not valid.");
        await Expect(page.Locator(".brand")).ToHaveTextAsync(link.TenantName);
        // The message sits evenly in its box: as much space below the text as above it.
        var gaps = await page.GetByRole(AriaRole.Alert).EvaluateAsync<double[]>(
            "box => { const b = box.getBoundingClientRect(); return [box.firstElementChild.getBoundingClientRect().top - b.top, b.bottom - box.lastElementChild.getBoundingClientRect().bottom]; }");
        Assert.Equal(gaps[0], gaps[1], 1.0);
        await phone.ScreenshotAsync("error");
        Assert.Empty(phone.AmazonRequests);
        Assert.Empty(phone.CspViolations);
        Assert.Empty(phone.Dialogs);
    }
}
