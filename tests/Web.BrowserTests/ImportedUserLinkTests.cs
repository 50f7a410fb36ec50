using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlexaLinkHub.Web.BrowserTests;

/// <summary>The point of an import: a vendor's existing customer, brought in with the bcrypt hash the vendor had, links
/// from the Alexa app on a phone with the password they already know.</summary>
public sealed class ImportedUserLinkTests(LinkHub hub, Chromium chromium)
{
    [Fact]
    public async Task ImportedCustomer_LinksOnAPhoneWithTheirExistingPassword()
    {
        var link = await hub.ArrangeAsync();
        var customer = ForeignHashFixtures.Named("bcrypt-2b");
        var import = await hub.Platform.ImportAsync(link.Slug, ImportArrange.Row(customer.Email, "Existing Customer", externalId: "crm-existing", passwordHash: customer.Hash));
        Assert.Equal(("completed", 1L, 1L, 0L, 0L), import.Counts());
        await using var phone = await chromium.OpenPhoneAsync();
        await phone.InterceptAmazonAsync();
        var page = phone.Page;
        var state = BrowserLinkSetup.NewState();

        await page.GotoAsync(link.AuthorizeUrl(state));
        await page.GetByLabel("Email").FillAsync(customer.Email);
        await page.GetByLabel("Password").FillAsync(customer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByText($"This allows {link.SkillName} to {link.Scopes[0].Description}")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        var fragment = await phone.WaitForAmazonAsync();

        Assert.Equal(state, fragment["state"]);
        var introspection = await hub.IntrospectAsync(link, fragment["access_token"]);
        Assert.True(introspection.GetProperty("active").GetBoolean(), introspection.ToString());
        Assert.Empty(phone.CspViolations);
        Assert.Empty(phone.PageErrors);
    }
}
