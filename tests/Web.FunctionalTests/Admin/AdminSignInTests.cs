using System.Net;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Admin.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Admin;

/// <summary>The app with a lockout after three failed admin sign-ins.</summary>
public sealed class AdminSignInFixture : AdminFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["AdminSignIn:MaxFailedAttempts"] = "3" };
}

public sealed class AdminSignInTests(AdminSignInFixture app) : IClassFixture<AdminSignInFixture>
{
    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/tenants")]
    [InlineData("/admin/t/some-tenant/skills")]
    public async Task AdminPage_Anonymous_RedirectsToSignInWithTheReturnUrl(string path)
    {
        using var browser = app.NewBrowser();

        var page = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal($"http://localhost/admin/login?returnUrl={Uri.EscapeDataString(path)}", page.Location);
    }

    [Fact]
    public async Task SignIn_PlatformAdmin_SetsTheAdminCookieOnlyForTheAdminPathAndLandsOnTheTenants()
    {
        using var browser = app.NewBrowser();

        var signIn = await browser.SignInAsync(AlexaLinkHubFactory.AdminEmail, AlexaLinkHubFactory.AdminPassword);

        var cookie = Assert.Single(signIn.Cookies, c => c.StartsWith(".alh.admin=", StringComparison.Ordinal));
        Assert.Contains("path=/admin", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(signIn.Cookies, c => c.StartsWith(".alh.session=", StringComparison.Ordinal));
        Assert.Equal("/admin", signIn.Location);
        var home = await browser.GetAsync("/admin");
        Assert.Equal("/admin/tenants", home.Location);
        var tenants = await browser.GetAsync("/admin/tenants");
        Assert.Equal(HttpStatusCode.OK, tenants.Status);
        Assert.Equal("Tenants", tenants.H1);
    }

    [Fact]
    public async Task SignIn_WithAReturnUrl_GoesBackThereButNeverOffTheAdminArea()
    {
        using var browser = app.NewBrowser();
        var form = await browser.GetAsync("/admin/login");
        var fields = AdminBrowser.Fields(("Input.Email", AlexaLinkHubFactory.AdminEmail), ("Input.Password", AlexaLinkHubFactory.AdminPassword),
            ("returnUrl", "https://evil.example/phish"), ("__RequestVerificationToken", form.AntiforgeryToken()));

        var signIn = await browser.PostAsync("/admin/login", fields);

        Assert.Equal("/admin", signIn.Location);
    }

    [Fact]
    public async Task SignIn_WrongPassword_SaysSoInlineAndSetsNoCookie()
    {
        using var browser = app.NewBrowser();

        var page = await browser.SignInAsync(AlexaLinkHubFactory.AdminEmail, "not the password", expectSuccess: false);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["The email or password is not correct."], page.Errors());
        Assert.DoesNotContain(page.Cookies, c => c.StartsWith(".alh.admin=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_UnknownEmail_GetsTheSameAnswerAsAWrongPassword()
    {
        using var browser = app.NewBrowser();

        var page = await browser.SignInAsync("nobody@nowhere.example", "whatever password", expectSuccess: false);

        Assert.Equal(["The email or password is not correct."], page.Errors());
    }

    [Fact]
    public async Task SignIn_ThreeWrongPasswords_LocksTheAccountSoEvenTheRightPasswordIsRefused()
    {
        var (vendor, _, email) = await app.VendorAsync("lock");
        vendor.Dispose();
        using var browser = app.NewBrowser();
        for (var i = 0; i < 2; i++)
            Assert.Equal(["The email or password is not correct."], (await browser.SignInAsync(email, "wrong password", expectSuccess: false)).Errors());

        var third = await browser.SignInAsync(email, "wrong password", expectSuccess: false);
        var rightPassword = await browser.SignInAsync(email, AdminFixture.VendorPassword, expectSuccess: false);

        Assert.Equal(["Too many failed attempts. This account is locked; try again in 15 minutes."], third.Errors());
        Assert.Equal(HttpStatusCode.OK, rightPassword.Status);
        Assert.Equal(["Too many failed attempts. This account is locked; try again in 15 minutes."], rightPassword.Errors());
        Assert.DoesNotContain(rightPassword.Cookies, c => c.StartsWith(".alh.admin=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_WithoutTheAntiforgeryToken_IsRefused()
    {
        using var browser = app.NewBrowser();
        await browser.GetAsync("/admin/login");

        var page = await browser.PostAsync("/admin/login", AdminBrowser.Fields(("Input.Email", AlexaLinkHubFactory.AdminEmail), ("Input.Password", AlexaLinkHubFactory.AdminPassword)));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.DoesNotContain(page.Cookies, c => c.StartsWith(".alh.admin=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var browser = await app.PlatformAdminAsync();

        var signOut = await browser.PostFormAsync("/admin/logout", [], formPage: "/admin/tenants");
        var after = await browser.GetAsync("/admin/tenants");

        Assert.Equal("/admin/login", signOut.Location);
        Assert.Equal(HttpStatusCode.Redirect, after.Status);
        Assert.StartsWith("http://localhost/admin/login", after.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminPages_CarryTheSecurityHeaders()
    {
        using var browser = await app.PlatformAdminAsync();

        var page = await browser.GetAsync("/admin/tenants");

        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
        Assert.DoesNotContain("style=\"", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminPages_UnderATenantPrefix_DoNotExist()
    {
        var (vendor, slug, _) = await app.VendorAsync("prefix");
        using (vendor)
        {
            var page = await vendor.GetAsync($"/t/{slug}/admin/login");

            Assert.Equal(HttpStatusCode.NotFound, page.Status);
        }
    }
}
