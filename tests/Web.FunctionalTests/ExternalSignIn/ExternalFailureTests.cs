using System.Diagnostics;
using System.Net;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.ExternalSignIn.Support;

namespace AlexaLinkHub.Web.FunctionalTests.ExternalSignIn;

/// <summary>Every way an external sign-in can go wrong ends on our login page with an inline message (the user picks
/// another way), never a 500, never a session or a token, and is recorded as a link failure with its reason.</summary>
public sealed class ExternalFailureTests(ExternalSignInFixture fixture) : IClassFixture<ExternalSignInFixture>
{
    [Fact]
    public async Task UserCancelsAtTheProvider_AccessDenied_BackOnTheLoginPageWithAMessage()
    {
        var scenario = await fixture.ArrangeAsync();
        using var browser = LinkFlowClient.Create(fixture.Factory);

        var callback = await ExternalScenario.SignInExternallyAsync(browser, await scenario.OpenLoginAsync(browser), email: null);

        await AssertRefusedAsync(scenario, browser, callback, "Signing in there was cancelled. Choose another way to sign in.", "external_access_denied");
    }

    [Theory]
    [InlineData(OidcProvider.WrongAudience, "external_invalid_token")]
    [InlineData(OidcProvider.WrongIssuer, "external_invalid_token")]
    [InlineData(OidcProvider.WrongKey, "external_invalid_token")]
    [InlineData(OidcProvider.WrongNonce, "external_bad_nonce")]
    public async Task ProviderSendsABadIdToken_IsRefused(string instance, string reason)
    {
        var scenario = await fixture.ArrangeAsync(instance);
        using var browser = LinkFlowClient.Create(fixture.Factory);

        var callback = await ExternalScenario.SignInExternallyAsync(browser, await scenario.OpenLoginAsync(browser), ExternalScenario.NewEmail());

        await AssertRefusedAsync(scenario, browser, callback, "Signing in that way did not work. Try again, or sign in another way.", reason);
        Assert.Empty(await scenario.AuditAsync("user.signed_up"));
    }

    [Fact]
    public async Task ProviderTooSlow_GivesUpWithinFiveSeconds()
    {
        var scenario = await fixture.ArrangeAsync(OidcProvider.Slow);
        using var browser = LinkFlowClient.Create(fixture.Factory);
        var login = await scenario.OpenLoginAsync(browser);
        var toProvider = await ExternalScenario.ContinueWithAsync(browser, login);
        var back = await OidcProvider.SignInAsync(toProvider.Location!, ExternalScenario.NewEmail());

        var clock = Stopwatch.StartNew();
        var callback = await browser.GetPageAsync(back.PathAndQuery);
        clock.Stop();

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(7.5));
        await AssertRefusedAsync(scenario, browser, callback, "The sign-in service did not answer in time. Try again, or sign in another way.", "external_unreachable");
    }

    [Fact]
    public async Task CallbackWithAnotherState_IsRefused()
    {
        var scenario = await fixture.ArrangeAsync();
        using var browser = LinkFlowClient.Create(fixture.Factory);
        var toProvider = await ExternalScenario.ContinueWithAsync(browser, await scenario.OpenLoginAsync(browser));
        var back = await OidcProvider.SignInAsync(toProvider.Location!, ExternalScenario.NewEmail());
        var query = OidcProvider.Query(back);

        var callback = await browser.GetPageAsync($"{back.AbsolutePath}?code={Uri.EscapeDataString(query["code"])}&state=forged-state");

        await AssertRefusedAsync(scenario, browser, callback, "That sign-in attempt expired or was not started here. Please try again.", "external_bad_state");
    }

    [Fact]
    public async Task TenantIsolation_AProviderOfTenantA_NeverAtTenantB_AndACallbackOfAReplayedAtBFails()
    {
        var a = await fixture.ArrangeAsync();
        var b = await fixture.Platform.ArrangeLinkAsync();
        using var browser = LinkFlowClient.Create(fixture.Factory);

        var loginAtB = await browser.FollowAsync(await browser.GetPageAsync(b.AuthorizeUrl()), "B's login page");
        Assert.Empty(loginAtB.Dom.Document.QuerySelectorAll("button.external-provider"));
        // Even posted by hand (the login form's antiforgery token and flow), A's provider name means nothing at B.
        var fields = loginAtB.Form().Fields.Where(f => f.Key is LinkFlowClient.AntiforgeryField or "returnUrl").ToList();
        var started = await HtmlPage.ReadAsync(
            await browser.Http.PostAsync($"/t/{b.Slug}/signin/{ExternalSignInFixture.ProviderName}", new FormUrlEncodedContent(fields), ExternalScenario.Cancellation), ExternalScenario.Cancellation);
        Assert.Equal(HttpStatusCode.Found, started.StatusCode);
        Assert.Contains("external=external_unknown_provider", started.Location!.Query, StringComparison.Ordinal);

        var toProvider = await ExternalScenario.ContinueWithAsync(browser, await a.OpenLoginAsync(browser));
        var back = await OidcProvider.SignInAsync(toProvider.Location!, ExternalScenario.NewEmail());
        var replayed = await browser.GetPageAsync(back.PathAndQuery.Replace($"/t/{a.Slug}/", $"/t/{b.Slug}/", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Found, replayed.StatusCode);
        Assert.StartsWith($"/t/{b.Slug}/login", replayed.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("external=external_bad_state", replayed.Location.Query, StringComparison.Ordinal);
        Assert.Empty(await a.AuditAsync("user.signed_up"));
    }

    private static async Task AssertRefusedAsync(ExternalScenario scenario, LinkFlowClient browser, HtmlPage callback, string message, string reason)
    {
        Assert.Equal(HttpStatusCode.Found, callback.StatusCode);
        Assert.StartsWith($"/t/{scenario.Slug}/login?", callback.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.DoesNotContain(browser.Cookies.GetCookies(new Uri("http://localhost/t/" + scenario.Slug + "/")), c => c.Name == ".alh.session");
        var login = await browser.FollowAsync(callback, "the login page");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(message, login.Dom.TextOf("external-message"));
        // The flow is still there: the buttons and the form resume the same authorization request.
        Assert.Contains("returnUrl=%2Ft%2F", callback.Location.Query, StringComparison.Ordinal);
        Assert.Contains(reason, await scenario.FailureReasonsAsync());
    }
}
