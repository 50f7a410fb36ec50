using System.Net;
using AlexaLinkHub.Web.FunctionalTests.Accounts.Support;
using Microsoft.Extensions.Time.Testing;
using static AlexaLinkHub.Web.FunctionalTests.Accounts.Support.FlowSteps;

namespace AlexaLinkHub.Web.FunctionalTests.Accounts;

/// <summary>The app with the account forms limited to three posts per client and tenant.</summary>
public sealed class ThreeAccountFormsFixture : AccountsFixture
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["RateLimits:AccountFormsPermitLimit"] = "3";
            settings["RateLimits:AccountFormsWindow"] = "01:00:00";
            return settings;
        }
    }
}

/// <summary>Sign-up and forgot-password create accounts and send emails, so their posts are rate limited.</summary>
public sealed class AccountFormRateLimitTests(ThreeAccountFormsFixture app) : IClassFixture<ThreeAccountFormsFixture>
{
    [Fact]
    public async Task SignUp_FourthPostFromTheSameClient_Gets429WithAFriendlyPageAndCreatesNothing()
    {
        var scenario = await app.ArrangeAsync();
        var emails = Enumerable.Range(0, 4).Select(i => AccountScenario.NewEmail($"n{i}")).ToList();
        using var browser = PageClient.Open(app.Factory);
        for (var i = 0; i < 3; i++)
        {
            var created = await browser.SubmitAsync(await browser.GetAsync(scenario.PageUrl("signup")), SignUpFields(emails[i]));
            Assert.Equal(HttpStatusCode.Found, created.Status);
        }
        var form = await browser.GetAsync(scenario.PageUrl("signup"));
        Assert.Equal(HttpStatusCode.OK, form.Status); // reading the form is never limited

        var fourth = await browser.SubmitAsync(form, SignUpFields(emails[3]));

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.Status);
        Assert.Equal("text/html", fourth.Response.Content.Headers.ContentType?.MediaType);
        // The tenant's own page (its name, its layout), with Retry-After for a client that reads it.
        Assert.Equal("Too many requests", fourth.Heading);
        Assert.Contains("Too many attempts from this network. Wait a few minutes and try again.", fourth.Text, StringComparison.Ordinal);
        Assert.Contains(AccountScenario.TenantName, fourth.Text, StringComparison.Ordinal);
        Assert.True(fourth.Response.Headers.Contains("Retry-After"));
        Assert.Contains("<meta name=\"viewport\"", fourth.Html, StringComparison.Ordinal);
        Assert.Equal(emails.Take(3).Order(StringComparer.Ordinal), (await app.UserEmailsAsync(scenario.Slug)).Order(StringComparer.Ordinal));

        // Forgot-password shares the budget; another tenant's forms have their own.
        var forgot = await browser.SubmitAsync(await browser.GetAsync(scenario.PageUrl("forgot-password")), new Dictionary<string, string> { ["Email"] = emails[0] });
        Assert.Equal(HttpStatusCode.TooManyRequests, forgot.Status);
        var other = await app.ArrangeAsync();
        var elsewhere = await browser.SubmitAsync(await browser.GetAsync(other.PageUrl("signup")), SignUpFields(emails[3]));
        Assert.Equal(HttpStatusCode.Found, elsewhere.Status);
    }
}

/// <summary>The app on a clock the test moves.</summary>
public sealed class ClockedAccountsFixture : AccountsFixture
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    public override FakeTimeProvider? Clock => _clock;
}

/// <summary>A reset link is good for one hour.</summary>
public sealed class ExpiredResetLinkTests(ClockedAccountsFixture app) : IClassFixture<ClockedAccountsFixture>
{
    [Fact]
    public async Task ResetLink_AfterMoreThanAnHour_ShowsTheExpiredMessageInlineAndKeepsThePassword()
    {
        var email = AccountScenario.NewEmail();
        var scenario = await app.ArrangeAsync(email);
        using var browser = PageClient.Open(app.Factory);
        await browser.SubmitAsync(await browser.GetAsync(scenario.PageUrl("forgot-password")), new Dictionary<string, string> { ["Email"] = email });
        var link = Mailbox.LinkIn(await Mailbox.WaitForOneAsync(app, email));
        var resetPage = await browser.GetAsync(link.PathAndQuery);

        app.Clock!.Advance(TimeSpan.FromMinutes(61));
        var expired = await browser.SubmitAsync(resetPage, new Dictionary<string, string> { ["Password"] = "a late but long passphrase" });

        Assert.Equal(HttpStatusCode.OK, expired.Status);
        Assert.Equal("This link has expired or was already used. Ask for a new one.", expired.TextOf("error"));
        Assert.Equal(scenario.PageUrl("forgot-password"), expired.Href("Send a new link"));
        using var check = PageClient.Open(app.Factory);
        var signIn = await check.SubmitAsync(await check.GetAsync(scenario.PageUrl("login")), LoginFields(email));
        Assert.Equal(scenario.AuthorizeUrl, signIn.Location!.PathAndQuery);
    }
}
