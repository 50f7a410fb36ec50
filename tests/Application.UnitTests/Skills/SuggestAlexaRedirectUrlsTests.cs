using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.TestSupport;
using FluentValidation;

namespace AlexaLinkHub.Application.UnitTests.Skills;

public sealed class SuggestAlexaRedirectUrlsTests
{
    [Fact]
    public async Task Suggest_VendorId_IsEveryAlexaRegionInBothFormsAndEachIsAValidRedirectUrl()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");

        var suggested = await app.AsAnonymous<AlexaRedirectUrlSet>(new SuggestAlexaRedirectUrls(" M2AAAAAAAAAAAA "));
        var urls = suggested.All();

        Assert.Equal(
        [
            "https://pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA",
            "https://layla.amazon.com/api/skill/link/M2AAAAAAAAAAAA",
            "https://alexa.amazon.co.jp/api/skill/link/M2AAAAAAAAAAAA",
            "https://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA",
            "https://layla.amazon.com/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA",
            "https://alexa.amazon.co.jp/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA",
        ], urls);
        Assert.All(suggested.Implicit, url => Assert.Contains("/spa/skill/account-linking-status.html?vendorId=", url, StringComparison.Ordinal));
        Assert.All(suggested.AuthorizationCode, url => Assert.Contains("/api/skill/link/", url, StringComparison.Ordinal));
        var registered = await app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill() with { RedirectUrls = urls });
        Assert.Equal(urls, registered.Skill.RedirectUrls);
    }

    [Theory]
    [InlineData("")]
    [InlineData("M2AA")]
    [InlineData("M2AA AAAA")]
    [InlineData("M2AA/../x")]
    [InlineData("M2AAAAAAAAAAAA?x=1")]
    public async Task Suggest_NotAVendorId_IsRefused(string vendorId)
    {
        await using var app = await AppServices.CreateAsync();

        var invalid = await Assert.ThrowsAsync<ValidationException>(() => app.AsAnonymous<AlexaRedirectUrlSet>(new SuggestAlexaRedirectUrls(vendorId)));

        Assert.Equal(["Enter your Vendor ID from the Alexa developer console: letters and digits, like M2AAAAAAAAAAAA."], invalid.MessagesFor("VendorId"));
    }
}
