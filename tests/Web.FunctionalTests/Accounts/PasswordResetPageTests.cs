using System.Net;
using System.Text.RegularExpressions;
using AlexaLinkHub.Domain.Emails;
using AlexaLinkHub.Web.FunctionalTests.Accounts.Support;
using Microsoft.EntityFrameworkCore;
using static AlexaLinkHub.Web.FunctionalTests.Accounts.Support.FlowSteps;

namespace AlexaLinkHub.Web.FunctionalTests.Accounts;

/// <summary>"Forgot password?" inside the link flow: the same page for every email, an .eml with a reset link built from
/// App:PublicBaseUrl, the reset page, and back into the authorization request that was interrupted.</summary>
public sealed partial class PasswordResetPageTests(AccountsFixture app) : IClassFixture<AccountsFixture>
{
    private const string NewPassword = "a fresh and long passphrase";

    [Fact]
    public async Task ForgotPassword_UnknownAndKnownEmail_GetTheSamePageButOnlyTheKnownOneGetsAnEmail()
    {
        var known = AccountScenario.NewEmail("known");
        var unknown = AccountScenario.NewEmail("unknown");
        var scenario = await app.ArrangeAsync(known);

        var forUnknown = await RequestResetAsync(scenario, unknown);
        var forKnown = await RequestResetAsync(scenario, known);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (forUnknown.Status, forKnown.Status));
        Assert.Equal(forUnknown.Response.Content.Headers.ContentType, forKnown.Response.Content.Headers.ContentType);
        Assert.Equal(Comparable(forUnknown, unknown), Comparable(forKnown, known));
        Assert.Contains($"If there is a {AccountScenario.TenantName} account for {known}, we have sent it an email with a link to choose a new password.",
            forKnown.Text, StringComparison.Ordinal);

        var email = await Mailbox.WaitForOneAsync(app, known);
        Assert.Equal($"Reset your {AccountScenario.TenantName} password", email.Subject);
        Assert.Equal(AccountScenario.TenantName, email.From.Mailboxes.Single().Name);
        // The dispatcher sends in queue order: had the unknown email queued anything, it would be in the folder by now.
        Assert.Empty(await Mailbox.FilesToAsync(app, unknown));
        Assert.Equal(0, await app.QueryDbAsync(db => db.Set<OutboundEmail>().CountAsync(e => e.To == unknown, TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task ForgotPassword_RequestWithAnotherHost_EmailLinkStillUsesThePublicBaseUrl()
    {
        var known = AccountScenario.NewEmail();
        var scenario = await app.ArrangeAsync(known);
        // The whole visit happens under an attacker's host name (Host header and a forwarded host).
        using var browser = PageClient.Open(app.Factory, "http://attacker.example");
        browser.Http.DefaultRequestHeaders.Add("X-Forwarded-Host", "attacker.example");
        var form = await browser.GetAsync(scenario.PageUrl("forgot-password"));
        Assert.Equal(HttpStatusCode.OK, form.Status);

        var sent = await browser.SubmitAsync(form, new Dictionary<string, string> { ["Email"] = known });

        Assert.Equal(HttpStatusCode.OK, sent.Status);
        var link = Mailbox.LinkIn(await Mailbox.WaitForOneAsync(app, known));
        Assert.Equal($"{AccountsFixture.PublicBaseUrl}/t/{scenario.Slug}/reset-password", link.GetLeftPart(UriPartial.Path));
        Assert.Contains("reset", link.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(scenario.AuthorizeUrl, ReturnUrlOf(link.PathAndQuery));
    }

    [Fact]
    public async Task ResetLink_FollowedFromTheEmail_SetsThePasswordAndResumesTheInterruptedLinkAtAlexa()
    {
        var known = AccountScenario.NewEmail();
        var scenario = await app.ArrangeAsync(known);
        using var browser = PageClient.Open(app.Factory);
        var login = await browser.OpenLoginAsync(scenario);
        var forgotHref = login.Href("Forgot password?");
        Assert.Equal(scenario.PageUrl("forgot-password"), forgotHref);
        var forgot = await browser.GetAsync(forgotHref);
        await browser.SubmitAsync(forgot, new Dictionary<string, string> { ["Email"] = known });
        var link = Mailbox.LinkIn(await Mailbox.WaitForOneAsync(app, known));

        var resetPage = await browser.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, resetPage.Status);
        Assert.Contains("Choose a new password", resetPage.Text, StringComparison.Ordinal);
        var reset = await browser.SubmitAsync(resetPage, new Dictionary<string, string> { ["Password"] = NewPassword });

        // Straight back to the original authorization request (the pending request survived), signed in.
        var fragment = await browser.ResumeAndAllowAsync(reset, scenario);
        Assert.True((await app.IntrospectAsync(scenario, fragment["access_token"])).GetProperty("active").GetBoolean());
        using var later = PageClient.Open(app.Factory);
        var signIn = await later.SubmitAsync(await later.GetAsync(scenario.PageUrl("login")), LoginFields(known, NewPassword));
        Assert.Equal(scenario.AuthorizeUrl, signIn.Location!.PathAndQuery);
    }

    [Fact]
    public async Task ResetLink_UsedTwice_TheSecondOpeningShowsTheExpiredOrUsedMessageAndNoForm()
    {
        var known = AccountScenario.NewEmail();
        var scenario = await app.ArrangeAsync(known);
        using var browser = PageClient.Open(app.Factory);
        await browser.SubmitAsync(await browser.GetAsync(scenario.PageUrl("forgot-password")), new Dictionary<string, string> { ["Email"] = known });
        var link = Mailbox.LinkIn(await Mailbox.WaitForOneAsync(app, known));
        var first = await browser.SubmitAsync(await browser.GetAsync(link.PathAndQuery), new Dictionary<string, string> { ["Password"] = NewPassword });
        Assert.Equal(HttpStatusCode.Found, first.Status);

        using var attacker = PageClient.Open(app.Factory);
        // The used link is refused as soon as it is opened: no form to type a password into.
        var again = await attacker.GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal("This link has expired or was already used. Ask for a new one.", again.TextOf("error"));
        Assert.DoesNotContain("name=\"Password\"", again.Html, StringComparison.Ordinal);
        Assert.Equal(scenario.PageUrl("forgot-password"), again.Href("Send a new link"));
        Assert.Null(again.Response.Headers.Location);
        using var check = PageClient.Open(app.Factory);
        var signIn = await check.SubmitAsync(await check.GetAsync(scenario.PageUrl("login", inLinkFlow: false)), LoginFields(known, NewPassword));
        Assert.Equal(HttpStatusCode.Found, signIn.Status);
    }

    [Fact]
    public async Task ResetPage_WithoutToken_ShowsTheMessageAndNoForm()
    {
        var scenario = await app.ArrangeAsync();
        using var browser = PageClient.Open(app.Factory);

        var page = await browser.GetAsync($"/t/{scenario.Slug}/reset-password");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("This link has expired or was already used. Ask for a new one.", page.TextOf("error"));
        Assert.DoesNotContain("name=\"Password\"", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetPage_CommonPassword_IsRefusedInlineAndTheLinkStillWorks()
    {
        var known = AccountScenario.NewEmail();
        var scenario = await app.ArrangeAsync(known);
        using var browser = PageClient.Open(app.Factory);
        await browser.SubmitAsync(await browser.GetAsync(scenario.PageUrl("forgot-password")), new Dictionary<string, string> { ["Email"] = known });
        var link = Mailbox.LinkIn(await Mailbox.WaitForOneAsync(app, known));
        var resetPage = await browser.GetAsync(link.PathAndQuery);

        var refused = await browser.SubmitAsync(resetPage, new Dictionary<string, string> { ["Password"] = "iloveyou1" });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("This password is too common. Choose one that is harder to guess.", refused.TextOf("password-error"));
        var accepted = await browser.SubmitAsync(refused, new Dictionary<string, string> { ["Password"] = NewPassword });
        Assert.Equal(scenario.AuthorizeUrl, accepted.Location!.PathAndQuery);
    }

    private async Task<Page> RequestResetAsync(AccountScenario scenario, string email)
    {
        using var browser = PageClient.Open(app.Factory);
        var form = await browser.GetAsync(scenario.PageUrl("forgot-password"));
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal(scenario.AuthorizeUrl, form.Form().Value("returnUrl"));
        return await browser.SubmitAsync(form, new Dictionary<string, string> { ["Email"] = email });
    }

    /// <summary>The page without what legitimately differs between two answers: the email the visitor typed (echoed
    /// back), the antiforgery token and the per-response CSP nonce.</summary>
    private static string Comparable(Page page, string typedEmail)
    {
        var html = page.Html.Replace(typedEmail, "{email}", StringComparison.Ordinal);
        html = AntiforgeryValue().Replace(html, "${name}value=\"{token}\"");
        return NonceValue().Replace(html, "nonce=\"{nonce}\"");
    }

    [GeneratedRegex(@"(?<name>name=""__RequestVerificationToken""[^>]*)value=""[^""]*""")]
    private static partial Regex AntiforgeryValue();

    [GeneratedRegex(@"nonce=""[^""]*""")]
    private static partial Regex NonceValue();
}
