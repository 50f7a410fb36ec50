using System.Net;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.CodeGrant.Support;
using AlexaLinkHub.Web.FunctionalTests.ExternalSignIn.Support;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;

namespace AlexaLinkHub.Web.FunctionalTests.ExternalSignIn;

/// <summary>"Continue with {provider}" against a real OpenID Connect provider: the link flow resumes where it was
/// (consent, then the redirect to Alexa with the token), for implicit and code skills, and a user who never had a
/// password with us links.</summary>
public sealed class ExternalSignInLinkTests(ExternalSignInFixture fixture) : IClassFixture<ExternalSignInFixture>
{
    [Fact]
    public async Task LoginPage_ShowsContinueWithTheProviderAsAPlainFormAndAllowsExactlyItsAuthorizationEndpoint()
    {
        var scenario = await fixture.ArrangeAsync();
        using var browser = LinkFlowClient.Create(fixture.Factory);

        var login = await scenario.OpenLoginAsync(browser);

        var button = Assert.Single(login.Dom.Document.QuerySelectorAll("button.external-provider"));
        Assert.Equal($"Continue with {ExternalSignInFixture.DisplayName}", button.TextContent.Trim());
        Assert.Empty(login.Dom.Document.QuerySelectorAll("script"));
        var csp = login.Response.Headers.GetValues("Content-Security-Policy").Single();
        var formAction = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("form-action", StringComparison.Ordinal));
        Assert.Equal($"form-action 'self' {fixture.Idp.Issuer()}/auth", formAction);
    }

    [Fact]
    public async Task NewUser_ContinuesWithTheProvider_IsCreatedWithoutPasswordAndTheImplicitLinkResumes()
    {
        var scenario = await fixture.ArrangeAsync();
        using var browser = LinkFlowClient.Create(fixture.Factory);
        var email = ExternalScenario.NewEmail();

        var login = await scenario.OpenLoginAsync(browser);
        var toProvider = await ExternalScenario.ContinueWithAsync(browser, login);
        var query = OidcProvider.Query(toProvider.Location!);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(ExternalSignInFixture.CallbackUrl(scenario.Slug), query["redirect_uri"]);
        Assert.False(string.IsNullOrEmpty(query["nonce"]));
        Assert.False(string.IsNullOrEmpty(query["state"]));

        var back = await OidcProvider.SignInAsync(toProvider.Location!, email);
        var callback = await browser.GetPageAsync(back.PathAndQuery);
        var consent = await browser.FollowAsync(callback, "the authorization request, resumed");
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        Assert.Contains("Link Car Fu with your", consent.Html, StringComparison.Ordinal);
        var decision = await browser.DecideAsync(consent, "allow");

        var redirect = LinkAssert.FragmentRedirect(decision, scenario.Setup.Skill.RedirectUri);
        Assert.Equal("xyz", redirect["state"]);
        Assert.Equal("Bearer", redirect["token_type"]);
        Assert.True(await LinkAssert.IsActiveAsync(fixture.Platform, scenario.Setup.Skill, redirect["access_token"]));
        Assert.Single(await scenario.AuditAsync("user.signed_up"));
    }

    [Fact]
    public async Task CodeSkill_ContinueWithTheProvider_ResumesToTheCodeRedirect()
    {
        var scenario = await fixture.ArrangeAsync(skill: CodeFlow.Skill);
        using var browser = LinkFlowClient.Create(fixture.Factory);

        var login = await scenario.OpenLoginAsync(browser, scenario.Setup.CodeUrl());
        var callback = await ExternalScenario.SignInExternallyAsync(browser, login, ExternalScenario.NewEmail());
        var consent = await browser.FollowAsync(callback, "the authorization request");
        var decision = await browser.DecideAsync(consent, "allow");

        var redirect = LinkAssert.QueryRedirect(decision, scenario.Setup.Skill.RedirectUri);
        Assert.Equal("xyz", redirect["state"]);
        Assert.False(string.IsNullOrEmpty(redirect["code"]));
    }

    [Fact]
    public async Task ReturningUser_SignsInThroughTheProviderAgain_WithoutBeingAskedAnything()
    {
        var scenario = await fixture.ArrangeAsync();
        var email = ExternalScenario.NewEmail();
        using (var first = LinkFlowClient.Create(fixture.Factory))
            await ExternalScenario.SignInExternallyAsync(first, await scenario.OpenLoginAsync(first), email);

        using var browser = LinkFlowClient.Create(fixture.Factory);
        var callback = await ExternalScenario.SignInExternallyAsync(browser, await scenario.OpenLoginAsync(browser), email);
        var consent = await browser.FollowAsync(callback, "the authorization request");

        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        Assert.Contains("Link Car Fu with your", consent.Html, StringComparison.Ordinal);
        Assert.Single(await scenario.AuditAsync("user.signed_up"));
    }
}
