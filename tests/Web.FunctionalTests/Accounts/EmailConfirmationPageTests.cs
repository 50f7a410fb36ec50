using System.Net;
using AlexaLinkHub.Web.FunctionalTests.Accounts.Support;
using Microsoft.EntityFrameworkCore;
using static AlexaLinkHub.Web.FunctionalTests.Accounts.Support.FlowSteps;

namespace AlexaLinkHub.Web.FunctionalTests.Accounts;

/// <summary>A tenant that requires email confirmation: sign-up sends a confirmation .eml, signing in before confirming
/// says so (and re-sends the link), and following the link signs in and resumes the link flow.</summary>
public sealed class EmailConfirmationPageTests(AccountsFixture app) : IClassFixture<AccountsFixture>
{
    [Fact]
    public async Task SignUp_ConfirmationRequired_ConfirmingResumesTheLinkFlowAtAlexa()
    {
        var scenario = await app.ArrangeAsync();
        await app.ConfigureSignUpAsync(scenario.Slug, emailConfirmationRequired: true);
        using var browser = PageClient.Open(app.Factory);
        var login = await browser.OpenLoginAsync(scenario);
        var form = await browser.GetAsync(login.Href("Create account"));
        var email = AccountScenario.NewEmail("nia");

        var created = await browser.SubmitAsync(form, SignUpFields(email));

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal($"Check your email: we sent a link to {email}. Open it on this phone to confirm your address and continue.", created.TextOf("notice"));
        Assert.False(await app.QueryDbAsync(db => db.EndUsers.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync(TestContext.Current.CancellationToken)));
        var confirmation = await Mailbox.WaitForOneAsync(app, email);
        Assert.Equal($"Confirm your email for {AccountScenario.TenantName}", confirmation.Subject);
        var link = Mailbox.LinkIn(confirmation);
        Assert.Equal($"{AccountsFixture.PublicBaseUrl}/t/{scenario.Slug}/confirm-email", link.GetLeftPart(UriPartial.Path));
        Assert.Equal(scenario.AuthorizeUrl, ReturnUrlOf(link.PathAndQuery));

        // Trying to sign in first: told to confirm, and a fresh link is on its way.
        var early = await browser.SubmitAsync(await browser.GetAsync(scenario.PageUrl("login")), LoginFields(email));
        Assert.Equal(HttpStatusCode.OK, early.Status);
        Assert.Equal($"Confirm your email address first: we have sent a new link to {email}.", early.TextOf("error"));
        Assert.Equal(2, (await Mailbox.WaitForAsync(app, email, count: 2)).Count);

        var confirmed = await browser.GetAsync(link.PathAndQuery);

        var fragment = await browser.ResumeAndAllowAsync(confirmed, scenario);
        Assert.True((await app.IntrospectAsync(scenario, fragment["access_token"])).GetProperty("active").GetBoolean());
        Assert.True(await app.QueryDbAsync(db => db.EndUsers.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task ConfirmEmail_ForgedToken_ShowsTheInvalidLinkMessageWithASignInLinkThatKeepsTheFlow()
    {
        var scenario = await app.ArrangeAsync();
        using var browser = PageClient.Open(app.Factory);

        var page = await browser.GetAsync(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
            $"/t/{scenario.Slug}/confirm-email", new Dictionary<string, string?> { ["token"] = "forged", ["returnUrl"] = scenario.AuthorizeUrl }));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("This confirmation link is not valid or has expired. Sign in to get a new one.", page.TextOf("error"));
        Assert.Equal(scenario.PageUrl("login"), page.Href("Sign in"));
        Assert.Null(page.Response.Headers.Location);
    }

    [Fact]
    public async Task SignUp_ConfirmationNotRequired_SendsNoEmailAndSignsInAtOnce()
    {
        var scenario = await app.ArrangeAsync();
        using var browser = PageClient.Open(app.Factory);
        var email = AccountScenario.NewEmail();

        var created = await browser.SubmitAsync(await browser.GetAsync(scenario.PageUrl("signup")), SignUpFields(email));

        Assert.Equal(scenario.AuthorizeUrl, created.Location!.PathAndQuery);
        Assert.Equal(0, await app.QueryDbAsync(db => db.Set<Domain.Emails.OutboundEmail>().CountAsync(e => e.To == email, TestContext.Current.CancellationToken)));
    }
}
