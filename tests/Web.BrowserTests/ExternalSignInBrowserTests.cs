using System.Net.Http.Json;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlexaLinkHub.Web.BrowserTests;

/// <summary>Issue 13's "done when", on a phone: a user who has never had a password with us links their Alexa account
/// through the vendor's own OpenID Connect login (a real oidc-provider), and lands at Amazon with a working token.</summary>
public sealed class ExternalSignInBrowserTests(LinkHub hub, Chromium chromium)
{
    [Fact]
    public async Task ContinueWithTheVendorsLogin_OnAPhone_LinksAUserWhoHasNoPasswordWithUs()
    {
        var ct = TestContext.Current.CancellationToken;
        var idp = await OidcProvider.SharedAsync();
        var link = await hub.ArrangeAsync();
        var callback = new Uri(link.BaseUrl, $"t/{link.Slug}/signin/vendor/callback").ToString();
        var (clientId, secret) = await idp.RegisterClientAsync(callback);
        var created = await hub.Platform.PostAsJsonAsync($"/api/v1/tenants/{link.Slug}/identity-providers",
            new { name = "vendor", type = "oidc", displayName = "Car Fu ID", issuer = idp.Issuer(), clientId, clientSecret = secret }, ct);
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);

        await using var phone = await chromium.OpenPhoneAsync();
        await phone.InterceptAmazonAsync();
        var page = phone.Page;
        var state = BrowserLinkSetup.NewState();
        var email = $"new.{Guid.NewGuid():N}@vendor.example";

        await page.GotoAsync(link.AuthorizeUrl(state));
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
