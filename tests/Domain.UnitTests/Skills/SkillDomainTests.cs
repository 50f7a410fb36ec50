using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.Skills;

namespace AlexaLinkHub.Domain.UnitTests.Skills;

public class SkillDomainTests
{
    [Theory]
    [InlineData("carfu.com", "carfu.com")]
    [InlineData("cdn.carfu.com", "cdn.carfu.com")]
    [InlineData("CDN.CarFu.COM", "cdn.carfu.com")]
    [InlineData(" cdn.carfu.com ", "cdn.carfu.com")]
    [InlineData("cdn.carfu.com.", "cdn.carfu.com")]
    [InlineData("a-b.c-d.example", "a-b.c-d.example")]
    [InlineData("123.carfu.com", "123.carfu.com")]
    [InlineData("xn--caf-dma.example", "xn--caf-dma.example")]
    public void Validate_HostName_IsAcceptedLowercasedWithoutTrailingDot(string given, string expected) =>
        Assert.Equal(expected, SkillDomain.Validate(given, 0));

    [Fact]
    public void Validate_LabelOfSixtyThreeCharacters_IsAccepted()
    {
        var host = new string('a', 63) + ".example.com";

        Assert.Equal(host, SkillDomain.Validate(host, 0));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("localhost")]
    [InlineData("https://cdn.carfu.com")]
    [InlineData("cdn.carfu.com/path")]
    [InlineData("cdn.carfu.com:443")]
    [InlineData("*.carfu.com")]
    [InlineData("-cdn.carfu.com")]
    [InlineData("cdn-.carfu.com")]
    [InlineData("cdn..carfu.com")]
    [InlineData(".carfu.com")]
    [InlineData("cdn_1.carfu.com")]
    [InlineData("cdn carfu.com")]
    [InlineData("café.example")]
    [InlineData("192.168.0.1")]
    [InlineData("user@carfu.com")]
    public void Validate_NotAHostName_IsRefusedNamingItsIndex(string? value)
    {
        var ex = Assert.Throws<DomainException>(() => SkillDomain.Validate(value, 7));

        Assert.Equal("domains[7]", ex.Field);
        Assert.Contains("is not a host name", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LabelOfSixtyFourCharacters_IsRefused()
    {
        var host = new string('a', 64) + ".example.com";

        Assert.Throws<DomainException>(() => SkillDomain.Validate(host, 0));
    }

    [Fact]
    public void Validate_HostLongerThan253Characters_IsRefused()
    {
        var host = string.Join('.', Enumerable.Repeat(new string('a', 63), 4)) + ".com";

        Assert.True(host.Length > 253);
        Assert.Throws<DomainException>(() => SkillDomain.Validate(host, 0));
    }
}
