using System.Net;
using AlexaLinkHub.Web.FunctionalTests.Admin.Support;
using AlexaLinkHub.Web.FunctionalTests.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Admin;

/// <summary>A vendor onboards on their own: sign-up creates their tenant and signs them in as its first admin.</summary>
public sealed class SelfOnboardingTests(AdminFixture app) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task SignUpPage_LinkedFromSignIn_HasTheFourLabelledFields()
    {
        using var browser = app.NewBrowser();

        var login = await browser.GetAsync("/admin/login");
        var signUp = await browser.GetAsync("/admin/signup");

        Assert.Contains("href=\"/admin/signup\"", login.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, signUp.Status);
        Assert.Equal(["Email", "Password", "Organization name", "Tenant slug"], signUp.Labels);
    }

    [Fact]
    public async Task SignUp_NewVendor_IsSignedInAsTheTenantsFirstAdminAndLandsOnItsDashboardShowingTheSlug()
    {
        var slug = ApiFixture.NewSlug("carfu");
        using var browser = app.NewBrowser();

        var signUp = await browser.SignUpAsync($"owner@{slug}.example", AdminFixture.VendorPassword, "Car Fu Motors", slug);
        var dashboard = await browser.GetAsync(signUp.Location!);

        Assert.Equal(HttpStatusCode.Redirect, signUp.Status);
        Assert.Equal($"/admin/t/{slug}", signUp.Location);
        Assert.Contains(signUp.Cookies, c => c.StartsWith(".alh.admin=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.Equal("Car Fu Motors", dashboard.H1);
        Assert.Contains($"Tenant slug {slug}", dashboard.Text, StringComparison.Ordinal);
        var tenant = await app.ApiGetAsync($"/api/v1/tenants/{slug}");
        Assert.Equal("Car Fu Motors", tenant.GetProperty("displayName").GetString());
        Assert.Equal("active", tenant.GetProperty("status").GetString());
        var audit = await app.ApiGetAsync($"/api/v1/tenants/{slug}/audit");
        Assert.Equal(["admin.created", "tenant.created"], audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).Order());
    }

    [Fact]
    public async Task SignUp_TheNewAdmin_CanSignInAgainLater()
    {
        var (vendor, slug, email) = await app.VendorAsync("again");
        vendor.Dispose();
        using var browser = app.NewBrowser();

        await browser.SignInAsync(email, AdminFixture.VendorPassword);
        var home = await browser.GetAsync("/admin");

        Assert.Equal($"/admin/t/{slug}", home.Location);
    }

    [Fact]
    public async Task SignUp_TakenSlug_IsRefusedInlineUnderTheSlugAndCreatesNothing()
    {
        var (vendor, slug, _) = await app.VendorAsync("taken");
        vendor.Dispose();
        using var browser = app.NewBrowser();

        var page = await browser.SignUpAsync("second@vendor.example", AdminFixture.VendorPassword, "Copycat", slug);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"The slug '{slug}' is taken.", page.TextOfId("slug-error"));
        Assert.Equal("Copycat", page.ValueOfId("organization"));
        Assert.Equal(string.Empty, page.ValueOfId("password"));
        Assert.DoesNotContain(page.Cookies, c => c.StartsWith(".alh.admin=", StringComparison.Ordinal));
        using var signIn = app.NewBrowser();
        Assert.Equal(["The email or password is not correct."], (await signIn.SignInAsync("second@vendor.example", AdminFixture.VendorPassword, expectSuccess: false)).Errors());
    }

    [Fact]
    public async Task SignUp_InvalidFields_AreAllReportedInlineAtOnce()
    {
        using var browser = app.NewBrowser();

        var page = await browser.SignUpAsync("not-an-email", "short", "", "Bad Slug!");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Enter an email address like name@example.com.", page.TextOfId("email-error"));
        Assert.Equal("Use at least 8 characters.", page.TextOfId("password-error"));
        Assert.Equal("Organization name is required.", page.TextOfId("organization-error"));
        Assert.StartsWith("The slug may contain only lowercase letters", page.TextOfId("slug-error"), StringComparison.Ordinal);
        Assert.Equal(4, page.Errors().Count);
    }
}

/// <summary>The app with <c>Onboarding:SelfService</c> switched off.</summary>
public sealed class NoSelfServiceFixture : AdminFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Onboarding:SelfService"] = "false" };
}

public sealed class SelfServiceOffTests(NoSelfServiceFixture app) : IClassFixture<NoSelfServiceFixture>
{
    [Fact]
    public async Task SignUp_SelfServiceOff_IsNotFoundAndTheSignInPageDoesNotOfferIt()
    {
        using var browser = app.NewBrowser();

        var login = await browser.GetAsync("/admin/login");
        var signUp = await browser.GetAsync("/admin/signup");
        var post = await browser.PostAsync("/admin/signup", AdminBrowser.Fields(
            ("Input.Email", "vendor@x.example"), ("Input.Password", AdminFixture.VendorPassword), ("Input.OrganizationName", "X"),
            ("Input.TenantSlug", "x-corp"), ("__RequestVerificationToken", login.AntiforgeryToken())));

        Assert.DoesNotContain("/admin/signup", login.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, signUp.Status);
        Assert.Equal(HttpStatusCode.NotFound, post.Status);
        using var missing = await app.Platform.GetAsync("/api/v1/tenants/x-corp", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
