using System.Net;
using System.Text.RegularExpressions;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Admin.Support;
using Microsoft.Extensions.Time.Testing;
using OtpNet;

namespace AlexaLinkHub.Web.FunctionalTests.Admin;

/// <summary>The admin area on a clock the tests move (step-up after 15 minutes, authenticator codes per 30 s).</summary>
public sealed class AdminMfaFixture : AdminFixture
{
    protected override FakeTimeProvider? CreateClock() => new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
}

/// <summary>Second factors through the admin pages, as a browser without JavaScript uses them: enrol an authenticator
/// app from the QR code page (its secret shown as text too), sign in with a code, step up before a dangerous action,
/// and the tenant's "admins must use MFA" forcing enrolment.</summary>
public sealed partial class AdminMfaPageTests(AdminMfaFixture app) : IClassFixture<AdminMfaFixture>
{
    private FakeTimeProvider Clock => app.Clock!;

    private string Code(string secret) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(Clock.GetUtcNow().UtcDateTime);

    /// <summary>Enrols an authenticator app on the security page; returns its secret and the recovery codes shown.</summary>
    private async Task<(string Secret, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(AdminBrowser browser)
    {
        var started = await browser.PostFormAsync("/admin/account/security?handler=StartTotp", []);
        Assert.Equal(HttpStatusCode.OK, started.Status);
        Assert.Contains("<img class=\"qr\" src=\"data:image/png;base64,", started.Html, StringComparison.Ordinal);
        var secret = started.TextOfId("totp-secret");
        Assert.Matches("^[A-Z2-7]{32}$", secret);
        var confirmed = await browser.PostFormAsync("/admin/account/security?handler=ConfirmTotp", AdminBrowser.Fields(("Code", Code(secret))));
        Assert.Equal(HttpStatusCode.OK, confirmed.Status);
        Assert.Contains("Your authenticator app is set up", confirmed.Text, StringComparison.Ordinal);
        var codes = RecoveryCode().Matches(confirmed.Html).Select(m => m.Value).ToList();
        Assert.Equal(10, codes.Count);
        Clock.Advance(TimeSpan.FromSeconds(30));
        return (secret, codes);
    }

    [Fact]
    public async Task SignIn_AfterEnrollingAnAuthenticatorApp_AsksForTheCodeOnASecondPage()
    {
        var (vendor, _, email) = await app.VendorAsync("mfa");
        var (secret, _) = await EnrolAsync(vendor);
        vendor.Dispose();
        using var browser = app.NewBrowser();

        var password = await browser.SignInAsync(email, AdminFixture.VendorPassword);
        var noSessionYet = await browser.GetAsync("/admin");
        var wrong = await browser.PostFormAsync("/admin/login/verify?handler=Code", AdminBrowser.Fields(("Code", "000000")), formPage: "/admin/login/verify");
        var right = await browser.PostFormAsync("/admin/login/verify?handler=Code", AdminBrowser.Fields(("Code", Code(secret)), ("returnUrl", "/admin")), formPage: "/admin/login/verify");

        Assert.Equal("/admin/login/verify?returnUrl=%2Fadmin", password.Location);
        Assert.DoesNotContain(password.Cookies, c => c.StartsWith(".alh.admin=", StringComparison.Ordinal));
        Assert.StartsWith("http://localhost/admin/login", noSessionYet.Location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains("That code is not right", wrong.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, right.Status);
        Assert.Equal("/admin", right.Location);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/admin")).Status);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/account/security")).Status);
    }

    [Fact]
    public async Task SignIn_WithARecoveryCode_WorksOnce()
    {
        var (vendor, _, email) = await app.VendorAsync("recovery");
        var (_, codes) = await EnrolAsync(vendor);
        vendor.Dispose();

        using var first = app.NewBrowser();
        await first.SignInAsync(email, AdminFixture.VendorPassword);
        var used = await first.PostFormAsync("/admin/login/verify?handler=Code", AdminBrowser.Fields(("Code", codes[0])), formPage: "/admin/login/verify");
        using var second = app.NewBrowser();
        await second.SignInAsync(email, AdminFixture.VendorPassword);
        var reused = await second.PostFormAsync("/admin/login/verify?handler=Code", AdminBrowser.Fields(("Code", codes[0])), formPage: "/admin/login/verify");

        Assert.Equal(HttpStatusCode.Redirect, used.Status);
        Assert.Equal(HttpStatusCode.OK, reused.Status);
    }

    [Fact]
    public async Task DangerousAction_FifteenMinutesAfterSignIn_AsksForTheCodeAgainThenWorks()
    {
        var (vendor, slug, _) = await app.VendorAsync("stepup");
        var (secret, _) = await EnrolAsync(vendor);
        Clock.Advance(TimeSpan.FromMinutes(16));

        var refused = await vendor.PostFormAsync($"/admin/t/{slug}/api-keys?handler=Create", AdminBrowser.Fields(("Name", "ci")));
        var stepUpPage = await vendor.GetAsync(refused.Location!);
        var proved = await vendor.PostFormAsync("/admin/account/step-up?handler=Code",
            AdminBrowser.Fields(("Code", Code(secret)), ("returnUrl", $"/admin/t/{slug}/api-keys?handler=Create")), formPage: "/admin/account/step-up");
        var created = await vendor.PostFormAsync($"/admin/t/{slug}/api-keys?handler=Create", AdminBrowser.Fields(("Name", "ci")));

        Assert.Equal(HttpStatusCode.Redirect, refused.Status);
        Assert.StartsWith("/admin/account/step-up?returnUrl=", refused.Location, StringComparison.Ordinal);
        Assert.Equal("Confirm it's you", stepUpPage.H1);
        Assert.Equal(HttpStatusCode.Redirect, proved.Status);
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Contains("alh_", created.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenantRequiresMfa_AnAdminWithoutOneIsSentToTheSecurityPageUntilEnrolled()
    {
        var (vendor, slug, _) = await app.VendorAsync("forced");

        var saved = await vendor.PostFormAsync($"/admin/t/{slug}/team?handler=Mfa", AdminBrowser.Fields(("RequireMfa", "true"), ("RequireMfa", "false")));
        var elsewhere = await vendor.GetAsync($"/admin/t/{slug}/skills");
        var security = await vendor.GetAsync("/admin/account/security");
        await EnrolAsync(vendor);
        var afterwards = await vendor.GetAsync($"/admin/t/{slug}/skills");

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal("/admin/account/security", elsewhere.Location);
        Assert.Contains("A second factor is required for your account", security.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, afterwards.Status);
    }

    [Fact]
    public async Task SignIn_UnknownEmail_IsLockedOutWithTheSameWordsAsAnAdmin()
    {
        var (vendor, _, email) = await app.VendorAsync("lockword");
        vendor.Dispose();
        using var browser = app.NewBrowser();
        AdminPage? admin = null, nobody = null;
        for (var i = 0; i < 5; i++)
        {
            admin = await browser.SignInAsync(email, "wrong password", expectSuccess: false);
            nobody = await browser.SignInAsync($"nobody-{email}", "wrong password", expectSuccess: false);
        }

        Assert.Equal(["Too many failed attempts. This account is locked; try again in 15 minutes."], admin!.Errors());
        Assert.Equal(admin.Errors(), nobody!.Errors());
    }

    [GeneratedRegex("[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}")]
    private static partial Regex RecoveryCode();
}
