using System.Net;
using AlexaLinkHub.Web.FunctionalTests.Accounts.Support;
using Microsoft.EntityFrameworkCore;
using static AlexaLinkHub.Web.FunctionalTests.Accounts.Support.FlowSteps;

namespace AlexaLinkHub.Web.FunctionalTests.Accounts;

/// <summary>Sign-up inside the link flow, over HTTP with cookies and antiforgery: from the login page to a new account,
/// consent and the redirect back to Alexa; a taken email and a common password are answered inline.</summary>
public sealed class SignUpPageTests(AccountsFixture app) : IClassFixture<AccountsFixture>
{
    [Fact]
    public async Task SignUp_InsideTheLinkFlow_EndsAtTheAlexaRedirectWithATokenForTheNewUser()
    {
        var scenario = await app.ArrangeAsync();
        using var browser = PageClient.Open(app.Factory);
        var login = await browser.OpenLoginAsync(scenario);
        var signUpHref = login.Href("Create account");
        Assert.Equal(scenario.PageUrl("signup"), signUpHref);

        var form = await browser.GetAsync(signUpHref);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains($"Create your {AccountScenario.TenantName} account", form.Text, StringComparison.Ordinal);
        Assert.Contains($"Create an account to link {AccountScenario.SkillName}.", form.Text, StringComparison.Ordinal);
        Assert.Equal(scenario.AuthorizeUrl, form.Form().Value("returnUrl"));
        var email = AccountScenario.NewEmail("nia");
        var created = await browser.SubmitAsync(form, SignUpFields(email));

        var fragment = await browser.ResumeAndAllowAsync(created, scenario);

        var introspection = await app.IntrospectAsync(scenario, fragment["access_token"]);
        Assert.True(introspection.GetProperty("active").GetBoolean(), introspection.ToString());
        var user = await app.QueryDbAsync(db => db.EndUsers.SingleAsync(u => u.Email == email, TestContext.Current.CancellationToken));
        Assert.Equal(user.Id.ToString(), introspection.GetProperty("sub").GetString());
        Assert.Equal("Nia New", user.DisplayName);
    }

    [Fact]
    public async Task SignUp_Page_HasTheFieldsAndButtonTheIssueNames()
    {
        var scenario = await app.ArrangeAsync();
        using var browser = PageClient.Open(app.Factory);

        var page = await browser.GetAsync(scenario.PageUrl("signup"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<label for=\"email\">Email</label>", page.Html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"name\">Name</label>", page.Html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"password\">Password</label>", page.Html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\" class=\"primary\">Create account</button>", page.Html, StringComparison.Ordinal);
        Assert.Contains("autocomplete=\"new-password\"", page.Html, StringComparison.Ordinal);
        Assert.NotNull(page.Form().Value(PageClient.AntiforgeryField));
    }

    [Fact]
    public async Task SignUp_EmailTaken_SaysSoInlineWithSignInAndForgotPasswordLinksThatKeepTheFlow()
    {
        var existing = AccountScenario.NewEmail();
        var scenario = await app.ArrangeAsync(existing);
        using var browser = PageClient.Open(app.Factory);
        var form = await browser.GetAsync(scenario.PageUrl("signup"));

        var answer = await browser.SubmitAsync(form, SignUpFields(existing.ToUpperInvariant(), "another long password"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal($"There is already an account with this email. Sign in · Forgot password?", answer.TextOf("error"));
        Assert.Equal(scenario.PageUrl("login"), answer.Href("Sign in"));
        Assert.Equal(scenario.PageUrl("forgot-password"), answer.Href("Forgot password?"));
        Assert.Equal(scenario.AuthorizeUrl, ReturnUrlOf(answer.Href("Forgot password?")));
        Assert.Equal(existing.ToUpperInvariant(), answer.Form().Value("Input.Email"));
        Assert.Equal(string.Empty, answer.Form().Value("Input.Password"));
        Assert.Equal([existing], await app.UserEmailsAsync(scenario.Slug));
        Assert.Null(answer.Response.Headers.Location);
    }

    [Theory]
    [InlineData("password1")]
    [InlineData("Football1")]
    [InlineData("QWERTYUIOP")]
    public async Task SignUp_CommonPassword_IsRefusedInlineAsTooCommonAndCreatesNothing(string password)
    {
        var scenario = await app.ArrangeAsync();
        using var browser = PageClient.Open(app.Factory);
        var form = await browser.GetAsync(scenario.PageUrl("signup"));
        var email = AccountScenario.NewEmail();

        var answer = await browser.SubmitAsync(form, SignUpFields(email, password));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("This password is too common. Choose one that is harder to guess.", answer.TextOf("password-error"));
        Assert.Equal(string.Empty, answer.TextOf("email-error"));
        Assert.Equal(string.Empty, answer.Form().Value("Input.Password"));
        Assert.Equal(email, answer.Form().Value("Input.Email"));
        Assert.Equal(scenario.AuthorizeUrl, answer.Form().Value("returnUrl"));
        Assert.Empty(await app.UserEmailsAsync(scenario.Slug));
    }

    [Fact]
    public async Task SignUp_ShortPasswordAndBadEmail_AreRefusedUnderTheirFields()
    {
        var scenario = await app.ArrangeAsync();
        using var browser = PageClient.Open(app.Factory);
        var form = await browser.GetAsync(scenario.PageUrl("signup"));

        var answer = await browser.SubmitAsync(form, SignUpFields("not-an-email", "short"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("Enter an email address like name@example.com.", answer.TextOf("email-error"));
        Assert.Equal("Use at least 8 characters.", answer.TextOf("password-error"));
        Assert.Empty(await app.UserEmailsAsync(scenario.Slug));
    }

    [Fact]
    public async Task SignUp_WithoutAntiforgeryToken_IsRefusedAndCreatesNothing()
    {
        var scenario = await app.ArrangeAsync();
        using var browser = PageClient.Open(app.Factory);
        await browser.GetAsync(scenario.PageUrl("signup"));

        var response = await browser.Http.PostAsync(scenario.PageUrl("signup"),
            new FormUrlEncodedContent(SignUpFields(AccountScenario.NewEmail())), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await app.UserEmailsAsync(scenario.Slug));
    }

    [Fact]
    public async Task SignUp_Disabled_PageSaysSoAndAPostCreatesNothing()
    {
        var scenario = await app.ArrangeAsync();
        await app.ConfigureSignUpAsync(scenario.Slug, signUpEnabled: false);
        using var browser = PageClient.Open(app.Factory);

        var page = await browser.GetAsync(scenario.PageUrl("signup"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"New accounts can't be created here. Contact {AccountScenario.TenantName} to get an account.", page.TextOf("error"));
        Assert.DoesNotContain("Input.Password", page.Html, StringComparison.Ordinal);
        Assert.Equal(scenario.PageUrl("login"), page.Href("Sign in"));

        // A crafted post (with a valid antiforgery token from the login page) is answered the same way.
        var login = await browser.GetAsync(scenario.PageUrl("login"));
        var posted = await browser.Http.PostAsync(scenario.PageUrl("signup"), new FormUrlEncodedContent(new Dictionary<string, string>(SignUpFields(AccountScenario.NewEmail()))
        {
            [PageClient.AntiforgeryField] = login.Form().Value(PageClient.AntiforgeryField)!,
            ["returnUrl"] = scenario.AuthorizeUrl,
        }), TestContext.Current.CancellationToken);
        var answer = await Page.ReadAsync(posted);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal($"New accounts can't be created here. Contact {AccountScenario.TenantName} to get an account.", answer.TextOf("error"));
        Assert.Empty(await app.UserEmailsAsync(scenario.Slug));
        Assert.Equal(0, await app.QueryDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "user.signed_up" && e.TenantId != null
            && db.Tenants.Any(t => t.Id == e.TenantId && t.Slug == scenario.Slug), TestContext.Current.CancellationToken)));
    }
}
