using System.Net;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Linking;

/// <summary>The tenant's login page inside the link flow (Alexa: errors inline on the same page, no pop-ups; forgive
/// trailing spaces and capitals in the email): one answer for an unknown email and a wrong password, lockout for both
/// alike, return URLs that never leave the tenant, antiforgery on the post.</summary>
public sealed class LoginPageTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string BadCredentials = "The email or password is not correct. Use your Car Fu Rides account, not your Amazon account.";
    private const string LockedOut = "Too many failed attempts. Wait 15 minutes and try again, or reset your password.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The login page the authorization request sends an anonymous browser to.</summary>
    private static async Task<HtmlPage> LoginPageAsync(LinkFlowClient browser, LinkSetup setup)
    {
        var login = await browser.FollowAsync(await browser.GetPageAsync(setup.AuthorizeUrl()));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return login;
    }

    private static async Task<string> FailedSignInAsync(LinkFlowClient browser, HtmlPage login, string email, string password)
    {
        var page = await browser.SignInAsync(login, email, password);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Null(page.Location);
        Assert.Equal("text/html", page.Response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("<script", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(password, page.Html, StringComparison.Ordinal);
        return page.TextOf("error") ?? throw new InvalidOperationException($"No inline error on the page:{Environment.NewLine}{page.Html}");
    }

    [Fact]
    public async Task SignIn_WrongPasswordAndUnknownEmail_ShowTheSameInlineErrorWith200()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        using var browser = LinkFlowClient.Create(api.Factory);
        var login = await LoginPageAsync(browser, setup);

        var wrongPassword = await FailedSignInAsync(browser, login, setup.User.Email, "not the password");
        var unknownEmail = await FailedSignInAsync(browser, login, "nobody@example.com", "not the password");

        Assert.Equal(BadCredentials, wrongPassword);
        Assert.Equal(wrongPassword, unknownEmail);
        var failures = await LinkAssert.AuditAsync(api.Platform, setup.Slug, "link.failed");
        Assert.Equal(2, failures.Count);
        Assert.All(failures, f => Assert.Equal($"reason=bad_credentials; clientId={setup.Skill.ClientId}", f.Str("details")));
        Assert.Equal(["user:unknown", $"user:{setup.User.Id}"], failures.Select(f => f.Str("target")));
    }

    [Fact]
    public async Task SignIn_EmptyFields_ShowFieldErrorsInline()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        using var browser = LinkFlowClient.Create(api.Factory);
        var login = await LoginPageAsync(browser, setup);

        var page = await browser.SignInAsync(login, "   ", "");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Enter your email address.", page.TextOf("email-error"));
        Assert.Equal("Enter your password.", page.TextOf("password-error"));
        Assert.Empty(await LinkAssert.AuditAsync(api.Platform, setup.Slug, "link.failed"));
    }

    [Theory]
    [InlineData("{0}  ")]
    [InlineData("  {0}")]
    [InlineData("UPPER")]
    public async Task SignIn_EmailWithSpacesOrOtherCase_IsForgiven(string shape)
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        using var browser = LinkFlowClient.Create(api.Factory);
        var login = await LoginPageAsync(browser, setup);
        var email = shape == "UPPER" ? setup.User.Email.ToUpperInvariant() + " " : string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, setup.User.Email);

        var signedIn = await browser.SignInAsync(login, email, setup.User.Password);

        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
        Assert.Equal($"/t/{setup.Slug}/connect/authorize", signedIn.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await browser.FollowAsync(signedIn)).StatusCode);
    }

    [Fact]
    public async Task SignIn_FiveFailuresForAnExistingEmail_LockOutEvenTheRightPassword()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        using var browser = LinkFlowClient.Create(api.Factory);
        var login = await LoginPageAsync(browser, setup);

        var messages = new List<string>();
        for (var attempt = 1; attempt <= 5; attempt++)
            messages.Add(await FailedSignInAsync(browser, login, setup.User.Email, $"wrong {attempt}"));
        var sixth = await FailedSignInAsync(browser, login, setup.User.Email, setup.User.Password);

        Assert.Equal([BadCredentials, BadCredentials, BadCredentials, BadCredentials, LockedOut], messages);
        Assert.Equal(LockedOut, sixth);
        Assert.Contains(await LinkAssert.AuditAsync(api.Platform, setup.Slug, "link.failed"),
            f => f.Str("details") == $"reason=locked_out; clientId={setup.Skill.ClientId}");
    }

    [Fact]
    public async Task SignIn_FiveFailuresForAnUnknownEmail_GetTheSameLockoutMessage()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        using var browser = LinkFlowClient.Create(api.Factory);
        var login = await LoginPageAsync(browser, setup);
        const string Unknown = "nobody-here@example.com";

        var messages = new List<string>();
        for (var attempt = 1; attempt <= 6; attempt++)
            messages.Add(await FailedSignInAsync(browser, login, attempt % 2 == 0 ? Unknown.ToUpperInvariant() : Unknown + " ", $"wrong {attempt}"));

        Assert.Equal([BadCredentials, BadCredentials, BadCredentials, BadCredentials, LockedOut, LockedOut], messages);
        // The existing user is not affected by the unknown email's lockout.
        var signedIn = await browser.SignInAsync(login, setup.User.Email, setup.User.Password);
        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
    }

    [Theory]
    [InlineData("//evil.com/t/{0}/connect/authorize")]
    [InlineData("https://evil.com/t/{0}/connect/authorize")]
    [InlineData("/\\evil.com/t/{0}/")]
    [InlineData("/t/other-tenant/connect/authorize")]
    [InlineData("/t/{0}-x/connect/authorize")]
    [InlineData("evil.com")]
    public async Task SignIn_ReturnUrlOutsideTheTenant_IsIgnoredForTheTenantsOwnPage(string template)
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        using var browser = LinkFlowClient.Create(api.Factory);
        var returnUrl = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, setup.Slug);
        var login = await browser.GetPageAsync($"/t/{setup.Slug}/login?returnUrl={Uri.EscapeDataString(returnUrl)}");

        var signedIn = await browser.SubmitAsync(login, new Dictionary<string, string>
        {
            ["Input.Email"] = setup.User.Email,
            ["Input.Password"] = setup.User.Password,
            ["returnUrl"] = returnUrl,
        });

        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
        Assert.Equal($"/t/{setup.Slug}/account", signedIn.Response.Headers.Location!.OriginalString);
        // Signed in now, a GET with the same return URL shows the page instead of following it.
        var again = await browser.GetPageAsync($"/t/{setup.Slug}/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task LoginPage_SignedInWithAReturnUrlInTheTenant_FollowsIt()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        using var browser = LinkFlowClient.Create(api.Factory);
        var login = await LoginPageAsync(browser, setup);
        await browser.SignInAsync(login, setup.User.Email, setup.User.Password);

        var again = await browser.GetPageAsync(login.Url.PathAndQuery);

        Assert.Equal(HttpStatusCode.Found, again.StatusCode);
        Assert.Equal(setup.AuthorizeUrl(), again.Response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_Returns400AndSignsNobodyIn()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        using var browser = LinkFlowClient.Create(api.Factory);
        var login = await LoginPageAsync(browser, setup);

        var page = await browser.SubmitAsync(login, new Dictionary<string, string>
        {
            ["Input.Email"] = setup.User.Email,
            ["Input.Password"] = setup.User.Password,
        }, includeAntiforgery: false);

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Null(page.Location);
        Assert.Equal(HttpStatusCode.Found, (await browser.GetPageAsync(setup.AuthorizeUrl())).StatusCode);
        Assert.Contains("/login", (await browser.GetPageAsync(setup.AuthorizeUrl())).Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsentPost_WithoutAntiforgeryToken_Returns400AndIssuesNoToken()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        using var browser = LinkFlowClient.Create(api.Factory);
        var consent = await browser.OpenConsentAsync(setup.AuthorizeUrl(), setup.User.Email, setup.User.Password);

        var page = await browser.SubmitAsync(consent, new Dictionary<string, string> { ["decision"] = "allow" }, includeAntiforgery: false);

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Null(page.Location);
        Assert.Empty(await LinkAssert.AuditAsync(api.Platform, setup.Slug, "account.linked"));
    }

    [Fact]
    public async Task LoginPage_InTheLinkFlow_NamesTheSkillAndKeepsTheRequestToResume()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        using var browser = LinkFlowClient.Create(api.Factory);

        var login = await LoginPageAsync(browser, setup);

        Assert.Contains("Sign in to link Car Fu with your Car Fu Rides account.", login.Html, StringComparison.Ordinal);
        Assert.Equal(setup.AuthorizeUrl(), login.Form().Value("returnUrl"));
        Assert.Matches("autocapitalize=\"none\" autocorrect=\"off\"\\s+spellcheck=\"false\" autocomplete=\"username\"", login.Html);
        Assert.False(string.IsNullOrEmpty(login.Form().Value(LinkFlowClient.AntiforgeryField)));
    }
}
