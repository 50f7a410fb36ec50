using System.Net;
using AlexaLinkHub.Web.FunctionalTests.Accounts.Support;
using Microsoft.EntityFrameworkCore;
using static AlexaLinkHub.Web.FunctionalTests.Accounts.Support.FlowSteps;

namespace AlexaLinkHub.Web.FunctionalTests.Accounts;

/// <summary>"My linked skills" (<c>/t/{slug}/account</c>): the linked skill by name with its access, unlink (its token
/// is inactive at once), change password, sign out.</summary>
public sealed class AccountPageTests(AccountsFixture app) : IClassFixture<AccountsFixture>
{
    private const string NewPassword = "my new and long passphrase";

    /// <summary>A user who linked the skill through the flow; returns the browser (signed in) and the access token.</summary>
    private async Task<(AccountScenario Scenario, string Email, PageClient Browser, string Token)> LinkedAsync()
    {
        var email = AccountScenario.NewEmail();
        var scenario = await app.ArrangeAsync(email);
        var browser = PageClient.Open(app.Factory);
        var login = await browser.OpenLoginAsync(scenario);
        var signedIn = await browser.SubmitAsync(login, LoginFields(email));
        var fragment = await browser.ResumeAndAllowAsync(signedIn, scenario);
        return (scenario, email, browser, fragment["access_token"]);
    }

    [Fact]
    public async Task Account_Anonymous_GoesToTheLoginPageAndComesBack()
    {
        var email = AccountScenario.NewEmail();
        var scenario = await app.ArrangeAsync(email);
        using var browser = PageClient.Open(app.Factory);

        var anonymous = await browser.GetAsync($"/t/{scenario.Slug}/account");

        Assert.Equal(HttpStatusCode.Found, anonymous.Status);
        Assert.Equal($"/t/{scenario.Slug}/login?returnUrl=%2Ft%2F{scenario.Slug}%2Faccount", anonymous.Location!.PathAndQuery);
        var signedIn = await browser.SubmitAsync(await browser.FollowAsync(anonymous), LoginFields(email));
        Assert.Equal($"/t/{scenario.Slug}/account", signedIn.Location!.PathAndQuery);
        var page = await browser.FollowAsync(signedIn);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"No skill is linked to your {AccountScenario.TenantName} account.", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Account_LinkedSkill_IsListedByNameWithItsAccess_AndUnlinkMakesItsTokenInactive()
    {
        var (scenario, _, browser, token) = await LinkedAsync();
        using var _ = browser;
        Assert.True((await app.IntrospectAsync(scenario, token)).GetProperty("active").GetBoolean());

        var page = await browser.GetAsync($"/t/{scenario.Slug}/account");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("My linked skills", page.Heading);
        Assert.Contains($"<h2>{AccountScenario.SkillName}</h2>", page.Html, StringComparison.Ordinal);
        Assert.Contains($"This allows {AccountScenario.SkillName} to order a taxi on your behalf.", page.Text, StringComparison.Ordinal);
        Assert.Contains($"This allows {AccountScenario.SkillName} to read your name.", page.Text, StringComparison.Ordinal);
        var unlinkForm = page.Form("clientId");
        Assert.Equal(scenario.ClientId, unlinkForm.Value("clientId"));

        var unlinked = await browser.SubmitAsync(page.FormPostingTo("handler=unlink"), new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, unlinked.Status);
        Assert.Equal("Unlinked. The skill can no longer use your account.", unlinked.TextOf("notice"));
        Assert.Contains($"No skill is linked to your {AccountScenario.TenantName} account.", unlinked.Text, StringComparison.Ordinal);
        var introspection = await app.IntrospectAsync(scenario, token);
        Assert.False(introspection.GetProperty("active").GetBoolean(), introspection.ToString());
        Assert.Equal(1, await app.QueryDbAsync(db => db.AuditEvents.CountAsync(
            e => e.Action == "account.unlinked" && e.Details!.StartsWith($"clientId={scenario.ClientId};"), TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Account_ChangePassword_WrongCurrentIsRefusedInline_RightOneChangesIt()
    {
        var (scenario, email, browser, _) = await LinkedAsync();
        using var _ = browser;
        var page = await browser.GetAsync($"/t/{scenario.Slug}/account");

        var wrong = await browser.SubmitAsync(page, new Dictionary<string, string> { ["CurrentPassword"] = "not my password", ["NewPassword"] = NewPassword }, "CurrentPassword");
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Equal("The current password is not correct.", wrong.TextOf("current-error"));

        var common = await browser.SubmitAsync(wrong, new Dictionary<string, string> { ["CurrentPassword"] = AccountScenario.Password, ["NewPassword"] = "trustno1" }, "CurrentPassword");
        Assert.Equal("This password is too common. Choose one that is harder to guess.", common.TextOf("new-error"));

        var changed = await browser.SubmitAsync(common, new Dictionary<string, string> { ["CurrentPassword"] = AccountScenario.Password, ["NewPassword"] = NewPassword }, "CurrentPassword");
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Equal("Your password was changed.", changed.TextOf("notice"));
        Assert.Equal(string.Empty, changed.Form("CurrentPassword").Value("CurrentPassword"));

        using var other = PageClient.Open(app.Factory);
        var withOld = await other.SubmitAsync(await other.GetAsync(scenario.PageUrl("login")), LoginFields(email));
        Assert.Equal(HttpStatusCode.OK, withOld.Status);
        var withNew = await other.SubmitAsync(withOld, LoginFields(email, NewPassword));
        Assert.Equal(scenario.AuthorizeUrl, withNew.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Account_SignOut_EndsTheSessionAndGoesToTheLoginPage()
    {
        var (scenario, _, browser, token) = await LinkedAsync();
        using var _ = browser;
        var page = await browser.GetAsync($"/t/{scenario.Slug}/account");

        var signedOut = await browser.SubmitAsync(page.FormPostingTo("handler=signout"), new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Found, signedOut.Status);
        Assert.Equal($"/t/{scenario.Slug}/login", signedOut.Location!.PathAndQuery);
        var afterwards = await browser.GetAsync($"/t/{scenario.Slug}/account");
        Assert.Equal(HttpStatusCode.Found, afterwards.Status);
        Assert.StartsWith($"/t/{scenario.Slug}/login?", afterwards.Location!.PathAndQuery, StringComparison.Ordinal);
        // Signing out of the vendor's pages does not unlink: the skill keeps its token.
        Assert.True((await app.IntrospectAsync(scenario, token)).GetProperty("active").GetBoolean());
    }
}
