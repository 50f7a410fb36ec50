using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlexaLinkHub.Web.BrowserTests.Support;

/// <summary>A vendor who signed up in the console: the owner of a new tenant, signed in on <c>page</c>.</summary>
public static class ConsoleOwner
{
    public const string Password = "vendor secret passphrase";

    public static async Task<(string Slug, string Email)> SignUpAsync(IPage page, Uri baseUrl, string slugPrefix)
    {
        var slug = $"{slugPrefix}-{Guid.NewGuid():N}"[..14];
        var email = $"owner@{slug}.example";
        await page.GotoAsync(new Uri(baseUrl, "admin/signup").ToString());
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("#organization").FillAsync("Car Fu Motors");
        await page.Locator("#slug").FillAsync(slug);
        await page.Locator("main form button[type=submit]").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(baseUrl, $"admin/t/{slug}").ToString());
        return (slug, email);
    }
}
