using System.Net;
using System.Net.Http.Json;
using AlexaLinkHub.Web.FunctionalTests.Support;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.ExternalSignIn.Support;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;

namespace AlexaLinkHub.Web.FunctionalTests.ExternalSignIn;

/// <summary>An external identity is (provider, subject) on an end user, and an existing account is never taken over by
/// its email alone: verified or not, the identity is connected only after the account's password is typed once.</summary>
public sealed class ExternalAccountRulesTests(ExternalSignInFixture fixture) : IClassFixture<ExternalSignInFixture>
{
    [Theory]
    [InlineData(true, "An account for {0} already exists. Sign in with its password once to connect Car Fu Account to it.")]
    [InlineData(false, "An account for {0} already exists, and Car Fu Account has not verified that email. Sign in with the account&#x27;s password to connect Car Fu Account to it.")]
    public async Task ExistingEmail_IsConnectedOnlyAfterThePassword_ThenTheProviderAloneSignsIn(bool emailVerified, string message)
    {
        var scenario = await fixture.ArrangeAsync();
        var user = scenario.Setup.User;
        using var browser = LinkFlowClient.Create(fixture.Factory);

        var callback = await ExternalScenario.SignInExternallyAsync(browser, await scenario.OpenLoginAsync(browser), user.Email, emailVerified);

        // Not signed in: back on our login page, told why, the email filled in.
        var login = await browser.FollowAsync(callback, "the login page");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, user.Email), login.Html, StringComparison.Ordinal);
        Assert.Equal(user.Email, login.Dom.InputValue("Input.Email"));
        var signedIn = await browser.SignInAsync(login, user.Email, user.Password);
        var consent = await browser.FollowAsync(signedIn, "the authorization request, resumed");
        LinkAssert.FragmentRedirect(await browser.DecideAsync(consent, "allow"), scenario.Setup.Skill.RedirectUri);
        Assert.Single(await scenario.AuditAsync("user.external_login_connected"));

        // Connected: a fresh browser signs in through the provider alone, into the same account.
        using var again = LinkFlowClient.Create(fixture.Factory);
        var direct = await ExternalScenario.SignInExternallyAsync(again, await scenario.OpenLoginAsync(again), user.Email, emailVerified);
        var resumed = await again.FollowAsync(direct, "the authorization request, resumed");
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Contains("Link Car Fu with your", resumed.Html, StringComparison.Ordinal);
        Assert.Empty(await scenario.AuditAsync("user.signed_up"));
    }

    [Fact]
    public async Task ExistingEmail_WithoutThePassword_IsNeverConnected()
    {
        var scenario = await fixture.ArrangeAsync();
        var user = scenario.Setup.User;
        using var browser = LinkFlowClient.Create(fixture.Factory);
        var callback = await ExternalScenario.SignInExternallyAsync(browser, await scenario.OpenLoginAsync(browser), user.Email, emailVerified: false);
        var login = await browser.FollowAsync(callback, "the login page");
        // A wrong password: still nothing connected.
        var refused = await browser.SignInAsync(login, user.Email, "not the password");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);

        using var again = LinkFlowClient.Create(fixture.Factory);
        var second = await ExternalScenario.SignInExternallyAsync(again, await scenario.OpenLoginAsync(again), user.Email, emailVerified: true);
        Assert.Contains("/login?", second.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("external=connect", second.Location!.Query, StringComparison.Ordinal);
        Assert.Empty(await scenario.AuditAsync("user.external_login_connected"));
    }

    [Fact]
    public async Task SignUpDisabled_UnknownIdentity_IsRefusedInlineAndRecorded()
    {
        var scenario = await fixture.ArrangeAsync();
        await ApiAssert.JsonAsync(await fixture.Platform.PatchAsJsonAsync($"/api/v1/tenants/{scenario.Slug}", new { signUpEnabled = false }, ExternalScenario.Cancellation), HttpStatusCode.OK);
        using var browser = LinkFlowClient.Create(fixture.Factory);

        var callback = await ExternalScenario.SignInExternallyAsync(browser, await scenario.OpenLoginAsync(browser), ExternalScenario.NewEmail());
        var login = await browser.FollowAsync(callback, "the login page");

        Assert.Contains("new accounts cannot be created here", login.Dom.TextOf("external-message"), StringComparison.Ordinal);
        Assert.Contains("external_sign_up_disabled", await scenario.FailureReasonsAsync());
    }

    [Fact]
    public async Task AccountPage_ListsTheProvider_NeverDisconnectsTheLastWayIn_AndDisconnectsOtherwise()
    {
        var scenario = await fixture.ArrangeAsync();
        var account = $"/t/{scenario.Slug}/account";

        // A user made through the provider has no password: the provider is their only way in.
        using var newcomer = LinkFlowClient.Create(fixture.Factory);
        await ExternalScenario.SignInExternallyAsync(newcomer, await scenario.OpenLoginAsync(newcomer), ExternalScenario.NewEmail());
        var only = await newcomer.GetPageAsync(account);
        Assert.Contains(ExternalSignInFixture.DisplayName, only.Dom.TextOf("providers"), StringComparison.Ordinal);
        Assert.NotNull(only.Dom.TextOf("last-sign-in"));
        Assert.DoesNotContain("?handler=disconnect", only.Html, StringComparison.Ordinal);
        var refused = await newcomer.Http.PostAsync($"{account}?handler=disconnect",
            new FormUrlEncodedContent(only.Form().Fields.Where(f => f.Key == LinkFlowClient.AntiforgeryField).Append(new("provider", ExternalSignInFixture.ProviderName))), ExternalScenario.Cancellation);
        Assert.Contains("This is your only way to sign in.", await refused.Content.ReadAsStringAsync(ExternalScenario.Cancellation), StringComparison.Ordinal);

        // A user with a password who connected the provider may disconnect it; then it is a stranger again.
        var user = scenario.Setup.User;
        using var browser = LinkFlowClient.Create(fixture.Factory);
        var callback = await ExternalScenario.SignInExternallyAsync(browser, await scenario.OpenLoginAsync(browser), user.Email);
        await browser.SignInAsync(await browser.FollowAsync(callback, "the login page"), user.Email, user.Password);
        var page = await browser.GetPageAsync(account);
        var form = page.Dom.Forms().ToList().FindIndex(f => f.Action.Query.Contains("handler=disconnect", StringComparison.Ordinal));
        var disconnected = await browser.SubmitAsync(page, new Dictionary<string, string>(), formIndex: form);

        Assert.Contains("Disconnected. You can no longer sign in that way.", disconnected.Html, StringComparison.Ordinal);
        Assert.Single(await scenario.AuditAsync("user.external_login_disconnected"));
        using var later = LinkFlowClient.Create(fixture.Factory);
        var again = await ExternalScenario.SignInExternallyAsync(later, await scenario.OpenLoginAsync(later), user.Email);
        Assert.Contains("external=connect", again.Location!.Query, StringComparison.Ordinal);
    }
}
