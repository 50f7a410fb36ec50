using AlexaLinkHub.Web.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlexaLinkHub.Web.BrowserTests;

/// <summary>The vendor's login page as the Alexa app shows it on a phone.</summary>
public sealed class LoginPageBrowserTests(LinkHub hub, Chromium chromium)
{
    [Fact]
    public async Task Login_WrongPassword_ShowsAnInlineErrorOnTheSamePageAndNoDialog()
    {
        var link = await hub.ArrangeAsync();
        await using var phone = await chromium.OpenPhoneAsync();
        var page = phone.Page;
        await page.GotoAsync(link.AuthorizeUrl(BrowserLinkSetup.NewState()));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Sign in to {link.TenantName}");
        await Expect(page.GetByText("not your Amazon account")).ToBeVisibleAsync();
        await phone.ScreenshotAsync("login");

        await page.GetByLabel("Email").FillAsync(link.Email);
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // Alexa: errors inline on the page itself, never a pop-up, alert or dialog.
        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync($"The email or password is not correct. Use your {link.TenantName} account, not your Amazon account.");
        Assert.Empty(phone.Dialogs);
        Assert.StartsWith(new Uri(link.BaseUrl, link.LoginPath).ToString(), page.Url, StringComparison.Ordinal);

        // Still the same form: labels lead to the fields, the email is kept, the password is not.
        await Expect(page.GetByLabel("Email")).ToHaveValueAsync(link.Email);
        await Expect(page.GetByLabel("Password")).ToHaveValueAsync(string.Empty);
        await page.GetByLabel("Password").FocusAsync();
        await Expect(page.GetByLabel("Password")).ToBeFocusedAsync();
        await phone.ScreenshotAsync("login-error");

        // …and the next attempt from it works.
        await page.GetByLabel("Password").FillAsync(link.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Allow" })).ToBeVisibleAsync();
        Assert.Empty(phone.Dialogs);
        Assert.Empty(phone.CspViolations);
        Assert.Empty(phone.PageErrors);
    }

    [Theory]
    [InlineData("de-DE", "de", "Anmelden")]
    [InlineData("ja-JP", "ja", "サインイン")]
    public async Task Login_AcceptLanguage_RendersThePageInThatLanguage(string locale, string language, string signInButton)
    {
        var link = await hub.ArrangeAsync();
        await using var phone = await chromium.OpenPhoneAsync(locale);
        var page = phone.Page;
        await page.GotoAsync(link.AuthorizeUrl(BrowserLinkSetup.NewState()));
        await phone.ScreenshotAsync($"login-{language}");

        Assert.StartsWith(language, await page.Locator("html").GetAttributeAsync("lang"), StringComparison.Ordinal);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = signInButton })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true })).ToHaveCountAsync(0);
        Assert.Empty(phone.CspViolations);
    }
}
