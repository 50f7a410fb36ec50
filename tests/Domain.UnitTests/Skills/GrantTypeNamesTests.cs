using AlexaLinkHub.Domain.Skills;

namespace AlexaLinkHub.Domain.UnitTests.Skills;

public class GrantTypeNamesTests
{
    [Theory]
    [InlineData(GrantType.Implicit, "implicit")]
    [InlineData(GrantType.AuthorizationCode, "authorization_code")]
    public void ToWire_EachGrantType_IsItsOAuthName(GrantType grantType, string expected) =>
        Assert.Equal(expected, grantType.ToWire());

    [Fact]
    public void ToWire_UndefinedValue_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ((GrantType)9).ToWire());

    [Theory]
    [InlineData("implicit", GrantType.Implicit)]
    [InlineData("authorization_code", GrantType.AuthorizationCode)]
    [InlineData(" implicit ", GrantType.Implicit)]
    public void TryParse_OAuthName_IsRecognised(string value, GrantType expected)
    {
        Assert.True(GrantTypeNames.TryParse(value, out var grantType));
        Assert.Equal(expected, grantType);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Implicit")]
    [InlineData("token")]
    [InlineData("code")]
    [InlineData("client_credentials")]
    [InlineData("1")]
    public void TryParse_AnythingElse_IsNotRecognised(string? value) =>
        Assert.False(GrantTypeNames.TryParse(value, out _));
}
