using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.UnitTests.Skills;

public class SkillRedirectUrlTests
{
    // The seed document's authorization request carries this value, percent-encoded with a typo: "%M2" is not an escape.
    private const string AlexaSeedMalformedUrl = "https://pitangui.amazon.com/spa/skill/account-linking-status.html%3FvendorId%M2AAAAAAAAAAAA";

    [Fact]
    public void Register_TheThreeAlexaRedirectUrls_AreAcceptedAsGiven()
    {
        string[] urls =
        [
            "https://pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA",
            "https://layla.amazon.com/api/skill/link/M2AAAAAAAAAAAA",
            "https://alexa.amazon.co.jp/api/skill/link/M2AAAAAAAAAAAA",
        ];

        var skill = SkillBuilder.Register(redirectUrls: urls);

        Assert.Equal(urls, skill.RedirectUrls);
    }

    [Fact]
    public void Register_NoRedirectUrl_IsRefusedNamingRedirectUrls()
    {
        var ex = Assert.Throws<DomainException>(() => SkillBuilder.Register(redirectUrls: []));

        Assert.Equal("redirectUrls", ex.Field);
        Assert.Contains("At least one redirect URL", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_TwentyRedirectUrls_IsAccepted() =>
        Assert.Equal(20, SkillBuilder.Register(redirectUrls: SkillBuilder.RedirectUrls(20)).RedirectUrls.Count);

    [Fact]
    public void Register_TwentyOneRedirectUrls_IsRefusedNamingTheLimit()
    {
        var ex = Assert.Throws<DomainException>(() => SkillBuilder.Register(redirectUrls: SkillBuilder.RedirectUrls(21)));

        Assert.Equal("redirectUrls", ex.Field);
        Assert.Contains("at most 20", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA", "https")]
    [InlineData("javascript:alert(1)", "https")]
    [InlineData("/api/skill/link/M2AAAAAAAAAAAA", "https")]
    [InlineData("https://pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA#x", "fragment")]
    [InlineData("https://pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA#", "fragment")]
    [InlineData("https://user:pass@pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA", "user name or password")]
    [InlineData("https://user@pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA", "user name or password")]
    [InlineData(AlexaSeedMalformedUrl, "malformed percent-escape")]
    [InlineData("https://pitangui.amazon.com/a%2", "malformed percent-escape")]
    [InlineData("https://pitangui.amazon.com/a b", "spaces")]
    [InlineData("https://pitangui.amazon.com/café", "non-ASCII")]
    public void Register_UnacceptableRedirectUrl_IsRefusedNamingItsIndexAndReason(string url, string reason)
    {
        var ex = Assert.Throws<DomainException>(() => SkillBuilder.Register(redirectUrls: [SkillBuilder.AlexaRedirectUrl, url]));

        Assert.Equal("redirectUrls[1]", ex.Field);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_WellFormedEncodedQuery_IsAccepted()
    {
        const string url = "https://pitangui.amazon.com/spa/skill/account-linking-status.html%3FvendorId%3DM2AAAAAAAAAAAA";

        Assert.True(SkillBuilder.Register(redirectUrls: [url]).HasRedirectUrl(url));
    }

    [Fact]
    public void Register_SameUrlTwice_IsStoredOnce()
    {
        var skill = SkillBuilder.Register(redirectUrls: [SkillBuilder.AlexaRedirectUrl, $" {SkillBuilder.AlexaRedirectUrl} "]);

        Assert.Equal([SkillBuilder.AlexaRedirectUrl], skill.RedirectUrls);
    }

    [Fact]
    public void HasRedirectUrl_TheRegisteredUrlWithVendorIdQuery_IsTrue() =>
        Assert.True(SkillBuilder.Register().HasRedirectUrl(SkillBuilder.AlexaRedirectUrl));

    [Theory]
    [InlineData("https://pitangui.amazon.com/spa/skill/account-linking-status.html")]
    [InlineData("https://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAB")]
    [InlineData("https://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorid=M2AAAAAAAAAAAA")]
    [InlineData("https://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorId=m2aaaaaaaaaaaa")]
    [InlineData("https://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA&x=1")]
    [InlineData("https://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA#")]
    [InlineData("https://pitangui.amazon.com/spa/skill/account-linking-status.html/?vendorId=M2AAAAAAAAAAAA")]
    [InlineData("https://PITANGUI.amazon.com/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA")]
    [InlineData("https://pitangui.amazon.com:443/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA")]
    [InlineData("https://pitangui.amazon.com/spa/skill/account-linking-status.html%3FvendorId%3DM2AAAAAAAAAAAA")]
    [InlineData(" https://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA")]
    [InlineData("http://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA")]
    [InlineData("")]
    public void HasRedirectUrl_AnythingButTheExactRegisteredString_IsFalse(string candidate) =>
        Assert.False(SkillBuilder.Register().HasRedirectUrl(candidate));
}
