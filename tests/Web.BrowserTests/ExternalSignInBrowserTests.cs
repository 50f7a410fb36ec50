using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlexaLinkHub.Web.BrowserTests;

/// <summary>Issue 13's "done when": a vendor adds its own OpenID Connect login (a real oidc-provider) in the admin UI, and
/// on a phone a user who has never had a password with us links their Alexa account through it, landing at Amazon with a
/// working token.</summary>
public sealed class ExternalSignInBrowserTests(LinkHub hub, Chromium chromium)
{
    [Fact]
    public async Task ContinueWithTheVendorsLogin_OnAPhone_LinksAUserWhoHasNoPasswordWithUs()
    {
        var idp = await OidcProvider.SharedAsync();
        var link = await hub.ArrangeAsync();
        var callback = new Uri(link.BaseUrl, $"t/{link.Slug}/signin/vendor/callback").ToString();
        var (clientId, secret) = await idp.RegisterClientAsync(callback);

        // The vendor adds its own login in the admin UI, and is shown the callback URL it registered at its provider.
        await using (var desktop = await chromium.OpenDesktopAsync())
        {
            var admin = desktop.Page;
            await admin.GotoAsync(new Uri(hub.App.BaseUrl, "admin/login").ToString());
            await admin.GetByLabel("Email").FillAsync(AlexaLinkHubFactory.AdminEmail);
            await admin.GetByLabel("Password").FillAsync(AlexaLinkHubFactory.AdminPassword);
            await admin.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(admin).ToHaveURLAsync(new Uri(hub.App.BaseUrl, "admin/tenants").ToString());
            await admin.GotoAsync(new Uri(hub.App.BaseUrl, $"admin/t/{link.Slug}/sign-in-providers").ToString());
            await admin.GetByLabel("Name", new() { Exact = true }).FillAsync("vendor");
            await admin.GetByLabel("Type").SelectOptionAsync("oidc");
            await admin.GetByLabel("Button text").FillAsync("Car Fu ID");
            await admin.GetByLabel("Issuer").FillAsync(idp.Issuer());
            await admin.GetByLabel("Client id").FillAsync(clientId);
            await admin.GetByLabel("Client secret").FillAsync(secret);
            await admin.GetByRole(AriaRole.Button, new() { Name = "Add provider" }).ClickAsync();
            await Expect(admin.GetByLabel("Callback URL")).ToHaveValueAsync(callback);
            await desktop.ScreenshotAsync("admin-sign-in-providers");
        }

        await using var phone = await chromium.OpenPhoneAsync();
        await phone.InterceptAmazonAsync();
        var page = phone.Page;
        var state = BrowserLinkSetup.NewState();
        var email = $"new.{Guid.NewGuid():N}@vendor.example";

        await page.GotoAsync(link.AuthorizeUrl(state));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue with Car Fu ID" }).ClickAsync();
        // At the vendor's provider: its own sign-in page.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vendor sign-in (login)" })).ToBeVisibleAsync();
        Assert.StartsWith(idp.Issuer(), page.Url, StringComparison.Ordinal);
        await page.Locator("#login").FillAsync(email);
        await page.Locator("#idp-sign-in").ClickAsync();

        // Back with us, the link flow resumes where it was: consent, then Amazon with the token.
        await Expect(page.GetByText($"This allows {link.SkillName} to {link.Scopes[0].Description}")).ToBeVisibleAsync();
        await phone.ScreenshotAsync("external-consent");
        await page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        var fragment = await phone.WaitForAmazonAsync();

        Assert.Equal(state, fragment["state"]);
        Assert.Equal("Bearer", fragment["token_type"]);
        var introspection = await hub.IntrospectAsync(link, fragment["access_token"]);
        Assert.True(introspection.GetProperty("active").GetBoolean(), introspection.ToString());
        Assert.Equal(email, introspection.GetProperty("email").GetString());
        Assert.Equal("vendor", introspection.GetProperty("idp").GetString());
        // Chrome applied the login page's form-action to the redirect to the provider: it allowed exactly that address.
        Assert.Empty(phone.CspViolations);
        Assert.Empty(phone.PageErrors);
    }
}
