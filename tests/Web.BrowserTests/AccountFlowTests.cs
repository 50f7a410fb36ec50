using AlexaLinkHub.Web.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlexaLinkHub.Web.BrowserTests;

/// <summary>The account pages on a phone inside the Alexa app's link flow: create an account and link in one go, recover
/// a forgotten password from the emailed link and finish the interrupted link, and unlink from "My linked skills".</summary>
public sealed class AccountFlowTests(LinkHub hub, Chromium chromium)
{
    private const string NewPassword = "a long and fresh passphrase";

    [Fact]
    public async Task SignUp_InsideTheLinkFlowOnAPhone_EndsAtAmazonWithATokenForTheNewAccount()
    {
        var link = await hub.ArrangeAsync();
        await using var phone = await chromium.OpenPhoneAsync();
        await phone.InterceptAmazonAsync();
        var page = phone.Page;
        var state = BrowserLinkSetup.NewState();
        await page.GotoAsync(link.AuthorizeUrl(state));

        await page.GetByRole(AriaRole.Link, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Create your {link.TenantName} account");
        await Expect(page.GetByText($"Create an account to link {link.SkillName}.")).ToBeVisibleAsync();
        await phone.ScreenshotAsync("signup");
        var email = $"nia.{Guid.NewGuid():N}"[..16] + "@carfu.example";
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Nia New");

        // A common password is refused inline, on the same page; the rest of the form is kept.
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("password1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.Locator("#password-error")).ToHaveTextAsync("This password is too common. Choose one that is harder to guess.");
        await Expect(page.GetByLabel("Email", new() { Exact = true })).ToHaveValueAsync(email);
        await phone.ScreenshotAsync("signup-common-password");

        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.GetByText($"This allows {link.SkillName} to {link.Scopes[0].Description}")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        var fragment = await phone.WaitForAmazonAsync();

        Assert.Equal(state, fragment["state"]);
        Assert.Equal("Bearer", fragment["token_type"]);
        var introspection = await hub.IntrospectAsync(link, fragment["access_token"]);
        Assert.True(introspection.GetProperty("active").GetBoolean(), introspection.ToString());
        Assert.NotEqual(link.UserId.ToString(), introspection.GetProperty("sub").GetString());
        Assert.Empty(phone.CspViolations);
        Assert.Empty(phone.PageErrors);
        Assert.Empty(phone.Dialogs);
    }

    [Fact]
    public async Task ForgotPassword_ResetFromTheEmailedLinkOnThePhone_FinishesTheOriginalLinkAtAmazon()
    {
        var link = await hub.ArrangeAsync();
        await using var phone = await chromium.OpenPhoneAsync();
        await phone.InterceptAmazonAsync();
        var page = phone.Page;
        var state = BrowserLinkSetup.NewState();
        await page.GotoAsync(link.AuthorizeUrl(state));

        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot password?" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Reset your password");
        await phone.ScreenshotAsync("forgot-password");
        await page.GetByLabel("Email").FillAsync(link.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reset link" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"If there is a {link.TenantName} account for {link.Email}");
        await phone.ScreenshotAsync("forgot-password-sent");

        // The link from the .eml in the pickup folder, opened in the same browser page.
        var resetLink = await PickupFolder.WaitForLinkAsync(hub, link.Email);
        Assert.StartsWith(new Uri(link.BaseUrl, $"t/{link.Slug}/reset-password?token=").ToString(), resetLink, StringComparison.Ordinal);
        await page.GotoAsync(resetLink);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Choose a new password");
        await phone.ScreenshotAsync("reset-password");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("New password").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save password" }).ClickAsync();

        // Back in the interrupted link: consent, then Amazon with the token and the original state.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Allow" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        var fragment = await phone.WaitForAmazonAsync();
        Assert.Equal(state, fragment["state"]);
        var introspection = await hub.IntrospectAsync(link, fragment["access_token"]);
        Assert.True(introspection.GetProperty("active").GetBoolean(), introspection.ToString());
        Assert.Equal(link.UserId.ToString(), introspection.GetProperty("sub").GetString());
        Assert.Empty(phone.CspViolations);
        Assert.Empty(phone.PageErrors);
        Assert.Empty(phone.Dialogs);
    }

    [Fact]
    public async Task Account_UnlinkOnThePhone_MakesTheSkillsTokenInactive()
    {
        var link = await hub.ArrangeAsync();
        await using var phone = await chromium.OpenPhoneAsync();
        await phone.InterceptAmazonAsync();
        var page = phone.Page;
        await page.GotoAsync(link.AuthorizeUrl(BrowserLinkSetup.NewState()));
        await LinkFlowTests.SignInAsync(page, link);
        await page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        var token = (await phone.WaitForAmazonAsync())["access_token"];

        await page.GotoAsync(new Uri(link.BaseUrl, $"t/{link.Slug}/account").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My linked skills");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = link.SkillName })).ToBeVisibleAsync();
        await Expect(page.GetByText($"This allows {link.SkillName} to {link.Scopes[0].Description}.")).ToBeVisibleAsync();
        await phone.ScreenshotAsync("account");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Unlink {link.SkillName}" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Unlinked. The skill can no longer use your account.");
        await Expect(page.GetByText($"No skill is linked to your {link.TenantName} account.")).ToBeVisibleAsync();
        var introspection = await hub.IntrospectAsync(link, token);
        Assert.False(introspection.GetProperty("active").GetBoolean(), introspection.ToString());
        Assert.Empty(phone.CspViolations);
        Assert.Empty(phone.PageErrors);
    }
}
