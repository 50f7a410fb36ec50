using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.Skills;

namespace AlexaLinkHub.Domain.UnitTests.Skills;

public class ClientIdTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("unique-id")]
    [InlineData("CarFu.Skill_v2~beta")]
    [InlineData("amzn1.application-oa2-client.0123456789abcdef")]
    public void Validate_UnreservedCharacters_IsAccepted(string clientId) =>
        Assert.Equal(clientId, ClientId.Validate(clientId));

    [Fact]
    public void Validate_HundredCharacters_IsAccepted() =>
        Assert.Equal(100, ClientId.Validate(new string('c', 100)).Length);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("has space")]
    [InlineData(" abc")]
    [InlineData("abc ")]
    [InlineData("a/b/c")]
    [InlineData("a:b:c")]
    [InlineData("a%20b")]
    [InlineData("a+b+c")]
    [InlineData("client\"id")]
    [InlineData("clíent")]
    public void Validate_OutsideTheAlphabetOrTooShort_IsRefusedNamingClientId(string? clientId)
    {
        var ex = Assert.Throws<DomainException>(() => ClientId.Validate(clientId));

        Assert.Equal("clientId", ex.Field);
        Assert.Contains("3-100", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HundredAndOneCharacters_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => ClientId.Validate(new string('c', 101)));

        Assert.Equal("clientId", ex.Field);
    }

    [Fact]
    public void Generate_IsSkillPrefixAndTwentyLowercaseAlphanumerics() =>
        Assert.Matches("^skill-[a-z0-9]{20}$", ClientId.Generate());

    [Fact]
    public void Generate_PassesValidation()
    {
        var generated = ClientId.Generate();

        Assert.Equal(generated, ClientId.Validate(generated));
    }

    [Fact]
    public void Generate_ManyTimes_NeverRepeats()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => ClientId.Generate()).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }
}
