using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Linking;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;
using AlexaLinkHub.Web.FunctionalTests.CodeGrant.Support;

namespace AlexaLinkHub.Web.FunctionalTests.CodeGrant;

/// <summary>An authorization code lives five minutes (RFC 6749 §4.1.2: "a maximum authorization code lifetime of 10
/// minutes is RECOMMENDED"; Alexa redeems at once). Each test moves a clock of its own app.</summary>
public sealed class CodeLifetimeTests
{
    [Fact]
    public async Task Redeem_At4Minutes59Seconds_ReturnsTokens()
    {
        await using var app = await ClockedApp.StartAsync();
        var (factory, http, clock) = (app.Factory, app.Http, app.Clock);
        var setup = await http.ArrangeCodeLinkAsync();
        var code = await factory.LinkForCodeAsync(setup);

        clock.Advance(TimeSpan.FromSeconds(299));
        var tokens = await CodeFlow.TokensAsync(await CodeFlow.RedeemAsync(http, setup, code));

        Assert.Equal(3600, tokens.ExpiresIn);
        Assert.True(await LinkAssert.IsActiveAsync(http, setup.Skill, tokens.AccessToken));
    }

    [Fact]
    public async Task Redeem_At5Minutes01Second_IsInvalidGrant()
    {
        await using var app = await ClockedApp.StartAsync();
        var (factory, http, clock) = (app.Factory, app.Http, app.Clock);
        var setup = await http.ArrangeCodeLinkAsync();
        var code = await factory.LinkForCodeAsync(setup);

        clock.Advance(TimeSpan.FromSeconds(301));
        var error = await CodeFlow.ErrorAsync(await CodeFlow.RedeemAsync(http, setup, code), "invalid_grant");

        Assert.Equal("The specified authorization code is no longer valid.", error.ErrorDescription);
    }
}
