using AlexaLinkHub.Web.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlexaLinkHub.Web.BrowserTests;

/// <summary>The whole account link on a phone, exactly as the Alexa app runs it: open the skill's authorization URI,
/// sign in on the vendor's page, consent, and land on Amazon's redirect URL with the token in the fragment.</summary>
public sealed class LinkFlowTests(LinkHub hub, Chromium chromium)
{
    [Fact]
    public async Task Link_SignInAndAllowOnAPhone_LandsAtAmazonWithAWorkingTokenAndTheExactState()
    {
        var link = await hub.ArrangeAsync();
        await using var phone = await chromium.OpenPhoneAsync();
        await phone.InterceptAmazonAsync();
        var page = phone.Page;
        var state = BrowserLinkSetup.NewState();

        await page.GotoAsync(link.AuthorizeUrl(state));
        Assert.StartsWith(new Uri(link.BaseUrl, link.LoginPath).ToString() + "?returnUrl=", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("Email").FillAsync(link.Email);
        await page.GetByLabel("Password").FillAsync(link.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByText($"This allows {link.SkillName} to {link.Scopes[0].Description}")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        var fragment = await phone.WaitForAmazonAsync();

        // Alexa's redirect URL, its ?vendorId= query intact, then the implicit grant's fragment (RFC 6749 §4.2.2).
        Assert.StartsWith(BrowserLinkSetup.AlexaRedirectUrl + "#", page.Url, StringComparison.Ordinal);
        Assert.Equal(BrowserLinkSetup.AlexaRedirectUrl, phone.AmazonRequests[0]);
        Assert.Equal("Bearer", fragment["token_type"]);
        Assert.Equal(state, fragment["state"]);
        var token = fragment["access_token"];
        Assert.False(string.IsNullOrEmpty(token));
        await Expect(page.GetByText("Account linking status")).ToBeVisibleAsync();

        var introspection = await hub.IntrospectAsync(link, token);
        Assert.True(introspection.GetProperty("active").GetBoolean(), introspection.ToString());
        Assert.Equal(link.ClientId, introspection.GetProperty("client_id").GetString());
        Assert.Equal(link.UserId.ToString(), introspection.GetProperty("sub").GetString());

        // The CSP of our pages let the browser post the consent form and follow the redirect to Amazon.
        Assert.Empty(phone.CspViolations);
        Assert.Empty(phone.PageErrors);
        Assert.Empty(phone.Dialogs);
    }

    [Fact]
    public async Task Consent_ListsEachRequestedScopeAndCancel_LandsAtAmazonWithAccessDeniedAndTheState()
    {
        var link = await hub.ArrangeAsync(scopes:
        [
            ("taxi.order", "order a taxi on your behalf"),
            ("profile", "read your name and email"),
            ("rides.history", "see the rides you took"),
        ]);
        await using var phone = await chromium.OpenPhoneAsync();
        await phone.InterceptAmazonAsync();
        var page = phone.Page;
        var state = BrowserLinkSetup.NewState();

        await page.GotoAsync(link.AuthorizeUrl(state));
        await SignInAsync(page, link);

        var items = page.Locator("ul.scopes > li");
        await Expect(items).ToHaveTextAsync(link.Scopes.Select(s => $"This allows {link.SkillName} to {s.Description}.").ToArray());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Link {link.SkillName} with your {link.TenantName} account?");
        await phone.ScreenshotAsync("consent");

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        var fragment = await phone.WaitForAmazonAsync();

        // RFC 6749 §4.2.2.1: the user said no → error=access_denied back at the client, with its state, and no token.
        Assert.Equal("access_denied", fragment["error"]);
        Assert.Equal(state, fragment["state"]);
        Assert.False(fragment.ContainsKey("access_token"));
        Assert.Empty(phone.CspViolations);
    }

    [Fact]
    public async Task Link_KeyboardOnly_LandsAtAmazonWithAToken()
    {
        var link = await hub.ArrangeAsync();
        await using var phone = await chromium.OpenPhoneAsync();
        await phone.InterceptAmazonAsync();
        var page = phone.Page;
        var state = BrowserLinkSetup.NewState();
        await page.GotoAsync(link.AuthorizeUrl(state));

        // Email is the first stop of the tab order, then password; Enter submits the form.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Email")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(link.Email);
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Password")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(link.Password);
        await page.Keyboard.PressAsync("Enter");

        // On the consent page the first stop is "Allow".
        var allow = page.GetByRole(AriaRole.Button, new() { Name = "Allow" });
        await Expect(allow).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(allow).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        var fragment = await phone.WaitForAmazonAsync();
        Assert.False(string.IsNullOrEmpty(fragment["access_token"]));
        Assert.Equal("Bearer", fragment["token_type"]);
        Assert.Equal(state, fragment["state"]);
        Assert.Empty(phone.CspViolations);
    }

    internal static async Task SignInAsync(IPage page, BrowserLinkSetup link)
    {
        await page.GetByLabel("Email").FillAsync(link.Email);
        await page.GetByLabel("Password").FillAsync(link.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
