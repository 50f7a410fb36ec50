using System.Net;
using AlexaLinkHub.Web.FunctionalTests.Accounts.Support;
using static AlexaLinkHub.Web.FunctionalTests.Accounts.Support.FlowSteps;

namespace AlexaLinkHub.Web.FunctionalTests.Accounts;

/// <summary>The tenant pages tell nobody which emails have accounts: where confirmation is required, signing up with a
/// taken email shows the very page a new email gets (the owner is told by email); forgot-password answers alike. And
/// "sign out on every device" ends the other sessions.</summary>
public sealed class NoEnumerationPageTests(AccountsFixture app) : IClassFixture<AccountsFixture>
{
    [Fact]
    public async Task SignUp_TakenEmailWhereConfirmationIsRequired_ShowsTheSamePageAsANewEmail_AndMailsTheOwner()
    {
        var existing = AccountScenario.NewEmail();
        var scenario = await app.ArrangeAsync(existing);
        await app.ConfigureSignUpAsync(scenario.Slug, emailConfirmationRequired: true);
        using var browser = PageClient.Open(app.Factory);
        var fresh = AccountScenario.NewEmail("nia");

        var taken = await browser.SubmitAsync(await browser.GetAsync(scenario.PageUrl("signup")), SignUpFields(existing));
        var created = await browser.SubmitAsync(await browser.GetAsync(scenario.PageUrl("signup")), SignUpFields(fresh));

        Assert.Equal(HttpStatusCode.OK, taken.Status);
        Assert.Equal(created.Status, taken.Status);
        Assert.Equal(created.Text.Replace(fresh, "EMAIL", StringComparison.Ordinal), taken.Text.Replace(existing, "EMAIL", StringComparison.Ordinal));
        var mail = await Mailbox.WaitForOneAsync(app, existing);
        Assert.Equal("Your Acme Rides account", mail.Subject);
        Assert.Contains("/reset-password", Mailbox.LinkIn(mail).AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgotPassword_KnownAndUnknownEmail_GetTheSamePage()
    {
        var existing = AccountScenario.NewEmail();
        var scenario = await app.ArrangeAsync(existing);
        using var browser = PageClient.Open(app.Factory);
        var unknown = AccountScenario.NewEmail("nobody");

        var known = await browser.SubmitAsync(await browser.GetAsync(scenario.PageUrl("forgot-password")), new Dictionary<string, string> { ["Email"] = existing });
        var nobody = await browser.SubmitAsync(await browser.GetAsync(scenario.PageUrl("forgot-password")), new Dictionary<string, string> { ["Email"] = unknown });

        Assert.Equal(known.Status, nobody.Status);
        Assert.Equal(known.Text.Replace(existing, "EMAIL", StringComparison.Ordinal), nobody.Text.Replace(unknown, "EMAIL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignOutOnEveryDevice_EndsTheOtherSessionsToo()
    {
        var email = AccountScenario.NewEmail();
        var scenario = await app.ArrangeAsync(email);
        using var phone = PageClient.Open(app.Factory);
        using var laptop = PageClient.Open(app.Factory);
        foreach (var device in new[] { phone, laptop })
            await device.SubmitAsync(await device.OpenLoginAsync(scenario), LoginFields(email));
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync($"/t/{scenario.Slug}/account")).Status);
        var account = await phone.GetAsync($"/t/{scenario.Slug}/account");

        var signedOut = await phone.SubmitAsync(account.FormPostingTo("handler=endsessions"), new Dictionary<string, string>());

        Assert.Equal($"/t/{scenario.Slug}/login", signedOut.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Found, (await laptop.GetAsync($"/t/{scenario.Slug}/account")).Status);
        Assert.Equal(HttpStatusCode.Found, (await phone.GetAsync($"/t/{scenario.Slug}/account")).Status);
    }
}
