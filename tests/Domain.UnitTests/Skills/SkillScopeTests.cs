using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.Skills;

namespace AlexaLinkHub.Domain.UnitTests.Skills;

public class SkillScopeTests
{
    [Theory]
    [InlineData("order_car")]
    [InlineData("basic_profile")]
    [InlineData("profile:read")]
    [InlineData("https://api.carfu.com/rides.write")]
    [InlineData("!#$%&'()*+,-./:;=?@[]^_`{|}~")]
    [InlineData("a")]
    public void Create_ValidScopeToken_IsAccepted(string name) =>
        Assert.Equal(name, SkillScope.Create(name, "order a taxi").Name);

    [Fact]
    public void Create_HundredCharacterName_IsAccepted() =>
        Assert.Equal(100, SkillScope.Create(new string('s', 100), "do it").Name.Length);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("order car")]
    [InlineData(" order_car")]
    [InlineData("order_car ")]
    [InlineData("order\"car")]
    [InlineData("order\\car")]
    [InlineData("order\tcar")]
    [InlineData("order\u007fcar")]
    [InlineData("commande_réservée")]
    public void Create_NotAnRfc6749ScopeToken_IsRefusedNamingTheScopeByIndex(string? name)
    {
        var ex = Assert.Throws<DomainException>(() => SkillScope.Create(name, "order a taxi", 4));

        Assert.Equal("scopes[4].name", ex.Field);
        Assert.Contains("not a valid scope token", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NameOverHundredCharacters_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => SkillScope.Create(new string('s', 101), "do it"));

        Assert.Equal("scopes[0].name", ex.Field);
    }

    [Fact]
    public void Create_Description_IsKeptTrimmed() =>
        Assert.Equal("order a taxi on your behalf", SkillScope.Create("order_car", "  order a taxi on your behalf ").Description);

    [Fact]
    public void Create_TwoHundredCharacterDescription_IsAccepted() =>
        Assert.Equal(200, SkillScope.Create("order_car", new string('d', 200)).Description.Length);

    [Theory]
    [InlineData(null, "required")]
    [InlineData("   ", "required")]
    [InlineData("order a <b>taxi</b>", "plain text")]
    [InlineData("<script>alert(1)</script>", "plain text")]
    [InlineData("order a taxi\r\nand more", "control characters")]
    public void Create_DescriptionNotPlainText_IsRefusedNamingTheScopeDescription(string? description, string reason)
    {
        var ex = Assert.Throws<DomainException>(() => SkillScope.Create("order_car", description, 2));

        Assert.Equal("scopes[2].description", ex.Field);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_DescriptionOverTwoHundredCharacters_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => SkillScope.Create("order_car", new string('d', 201), 1));

        Assert.Equal("scopes[1].description", ex.Field);
        Assert.Contains("200", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SameNameAndDescription_AreEqualValues() =>
        Assert.Equal(SkillScope.Create("order_car", "order a taxi"), SkillScope.Create("order_car", " order a taxi ", 3));

    [Fact]
    public void HasScope_ComparesOrdinally()
    {
        var skill = SkillBuilder.Register();

        Assert.True(skill.HasScope("order_car"));
        Assert.False(skill.HasScope("ORDER_CAR"));
        Assert.False(skill.HasScope("order_car "));
        Assert.False(skill.HasScope("basic_profile"));
    }
}
