using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.BrowserTests.Support;
using Microsoft.Playwright;
using OtpNet;
using static Microsoft.Playwright.Assertions;

namespace AlexaLinkHub.Web.BrowserTests;

/// <summary>An app of its own at <c>http://localhost:{port}</c>: WebAuthn needs a domain as relying party, and an IP
/// address is none.</summary>
public sealed class LocalhostHub : IAsyncLifetime
{
    public LiveApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() => App = await LiveApp.StartAsync(host: "localhost");

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

/// <summary>Admin second factors in Debian's Chromium: an authenticator app enrolled from the QR code page (the code
/// computed here with Otp.NET, as a phone app would) then used to sign in; and a passkey created and used through
/// Chromium's virtual authenticator (CDP WebAuthn domain), verified by the server's FIDO2 library.</summary>
public sealed class AdminSecondFactorBrowserTests(LocalhostHub hub, Chromium chromium) : IClassFixture<LocalhostHub>
{
    private const string Password = "vendor secret passphrase";

    private string Url(string path) => new Uri(hub.App.BaseUrl, path).ToString();

    private async Task<(string Slug, string Email)> SignUpAsync(IPage page)
    {
        var slug = $"v-{Guid.NewGuid():N}"[..14];
        var email = $"owner@{slug}.example";
        await page.GotoAsync(Url("admin/signup"));
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByLabel("Organization name").FillAsync("Car Fu Motors");
        await page.GetByLabel("Tenant slug").FillAsync(slug);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Url($"admin/t/{slug}"));
        return (slug, email);
    }

    private async Task SignOutAndInAsync(IPage page, string email)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Url("admin/login"));
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Confirm it's you" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task AuthenticatorApp_EnrolledFromTheQrCodePage_SignsIn()
    {
        await using var desktop = await chromium.OpenDesktopAsync();
        var page = desktop.Page;
        var (slug, email) = await SignUpAsync(page);

        await page.GotoAsync(Url("admin/account/security"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up an authenticator app" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code for your authenticator app" })).ToBeVisibleAsync();
        var secret = (await page.Locator("#totp-secret").TextContentAsync())!.Trim();
        var totp = new Totp(Base32Encoding.ToBytes(secret));
        await page.GetByLabel("Code from the app").FillAsync(totp.ComputeTotp(DateTime.UtcNow));
        await desktop.ScreenshotAsync("admin-security-totp");
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your recovery codes" })).ToBeVisibleAsync();
        Assert.Equal(10, await page.Locator("#recovery-codes li").CountAsync());

        await SignOutAndInAsync(page, email);
        // The enrolment spent this time step's code (RFC 6238 §5.2); the next step's is accepted (one step of drift).
        await page.GetByLabel("Code from your authenticator app, or a recovery code").FillAsync(totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Url($"admin/t/{slug}"));
        Assert.Empty(desktop.CspViolations);
        Assert.Empty(desktop.PageErrors);
    }

    [Fact]
    public async Task Passkey_CreatedWithAVirtualAuthenticator_SignsInWithoutACode()
    {
        await using var desktop = await chromium.OpenDesktopAsync();
        var page = desktop.Page;
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        var (slug, email) = await SignUpAsync(page);

        await page.GotoAsync(Url("admin/account/security"));
        await page.GetByLabel("Name of the passkey").FillAsync("Test laptop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Expect(page.GetByText("Passkey added")).ToBeVisibleAsync();
        await Expect(page.GetByText("Test laptop")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your recovery codes" })).ToBeVisibleAsync();
        await desktop.ScreenshotAsync("admin-security-passkey");

        await SignOutAndInAsync(page, email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Use a passkey" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Url($"admin/t/{slug}"));
        Assert.Empty(desktop.CspViolations);
        Assert.Empty(desktop.PageErrors);
    }
}
