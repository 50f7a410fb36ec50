using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.Tenants;

namespace AlexaLinkHub.Domain.UnitTests.Tenants;

public class BrandingTests
{
    [Fact]
    public void Default_HasHouseColoursAndNoUrls()
    {
        var branding = Branding.Default;

        Assert.Equal("#1f6feb", branding.PrimaryColor);
        Assert.Equal("#ffffff", branding.BackgroundColor);
        Assert.Null(branding.LogoUrl);
        Assert.Null(branding.SupportUrl);
        Assert.Null(branding.PrivacyUrl);
    }

    [Fact]
    public void Create_NothingGiven_EqualsDefault() =>
        Assert.Equal(Branding.Default, Branding.Create(null, null, null, null, null));

    [Fact]
    public void Create_BlankValues_FallBackToDefaults() =>
        Assert.Equal(Branding.Default, Branding.Create("  ", "", " ", "\t", ""));

    [Fact]
    public void Create_HttpsUrls_AreKeptTrimmed()
    {
        var branding = Branding.Create(
            " https://cdn.carfu.com/logo.png ",
            null,
            null,
            "https://carfu.com/support",
            "https://carfu.com/privacy?lang=en");

        Assert.Equal("https://cdn.carfu.com/logo.png", branding.LogoUrl);
        Assert.Equal("https://carfu.com/support", branding.SupportUrl);
        Assert.Equal("https://carfu.com/privacy?lang=en", branding.PrivacyUrl);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(document.cookie)")]
    [InlineData("http://cdn.carfu.com/logo.png")]
    [InlineData("data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=")]
    [InlineData("ftp://carfu.com/logo.png")]
    [InlineData("//cdn.carfu.com/logo.png")]
    public void Create_LogoUrlNotHttps_IsRefusedNamingLogoUrl(string logoUrl)
    {
        var ex = Assert.Throws<DomainException>(() => Branding.Create(logoUrl, null, null, null, null));

        Assert.Equal("logoUrl", ex.Field);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://carfu.com/support")]
    public void Create_SupportUrlNotHttps_IsRefusedNamingSupportUrl(string supportUrl)
    {
        var ex = Assert.Throws<DomainException>(() => Branding.Create(null, null, null, supportUrl, null));

        Assert.Equal("supportUrl", ex.Field);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://carfu.com/privacy")]
    public void Create_PrivacyUrlNotHttps_IsRefusedNamingPrivacyUrl(string privacyUrl)
    {
        var ex = Assert.Throws<DomainException>(() => Branding.Create(null, null, null, null, privacyUrl));

        Assert.Equal("privacyUrl", ex.Field);
    }

    [Fact]
    public void Create_HttpLogoUrl_MessageSaysHttpsIsRequired()
    {
        var ex = Assert.Throws<DomainException>(() => Branding.Create("http://cdn.carfu.com/logo.png", null, null, null, null));

        Assert.Equal("logoUrl must use https.", ex.Message);
    }

    [Theory]
    [InlineData("#1f6feb", "#1f6feb")]
    [InlineData("#1F6FEB", "#1f6feb")]
    [InlineData("  #00aa00 ", "#00aa00")]
    [InlineData("#abc", "#aabbcc")]
    [InlineData("#ABC", "#aabbcc")]
    [InlineData("#000", "#000000")]
    public void Create_HexColour_IsNormalisedToLowercaseSixDigits(string given, string expected)
    {
        var branding = Branding.Create(null, given, given, null, null);

        Assert.Equal(expected, branding.PrimaryColor);
        Assert.Equal(expected, branding.BackgroundColor);
    }

    [Theory]
    [InlineData("red")]
    [InlineData("1f6feb")]
    [InlineData("#1f6fe")]
    [InlineData("#1f6feb0")]
    [InlineData("#ggg")]
    [InlineData("#1f6feb80")]
    [InlineData("rgb(0,0,0)")]
    [InlineData("#fff; background:url(https://evil.example/x)")]
    [InlineData("#fff</style><script>")]
    public void Create_PrimaryColourNotHex_IsRefusedNamingPrimaryColor(string colour)
    {
        var ex = Assert.Throws<DomainException>(() => Branding.Create(null, colour, null, null, null));

        Assert.Equal("primaryColor", ex.Field);
        Assert.Contains("#1f6feb", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_BackgroundColourNotHex_IsRefusedNamingBackgroundColor()
    {
        var ex = Assert.Throws<DomainException>(() => Branding.Create(null, "#fff", "white", null, null));

        Assert.Equal("backgroundColor", ex.Field);
    }

    [Fact]
    public void Create_SameValues_AreEqualAsValueObjects() =>
        Assert.Equal(
            Branding.Create("https://a.example/l.png", "#ABC", "#fff", null, null),
            Branding.Create("https://a.example/l.png", "#aabbcc", "#FFFFFF", null, null));
}
