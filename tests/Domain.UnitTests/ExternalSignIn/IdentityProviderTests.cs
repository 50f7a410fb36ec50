using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.ExternalSignIn;
using AlexaLinkHub.Domain.Users;

namespace AlexaLinkHub.Domain.UnitTests.ExternalSignIn;

public sealed class IdentityProviderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static IdentityProvider Create(string name = "vendor", string issuer = "https://idp.example.com", bool allowLoopbackHttp = false, IEnumerable<string>? scopes = null) =>
        IdentityProvider.Create(Guid.NewGuid(), name, IdentityProviderType.Oidc, "Vendor", issuer, "client", "protected", scopes ?? ["openid"], true,
            issuer + "/auth", allowLoopbackHttp, Now);

    [Theory]
    [InlineData("Vendor")]
    [InlineData("-vendor")]
    [InlineData("ven dor")]
    [InlineData("")]
    [InlineData("a-name-that-is-much-longer-than-forty-chars")]
    public void Name_OutsideLowercaseDigitsAndDashes_IsRefused(string name) =>
        Assert.Equal("name", Assert.Throws<DomainException>(() => Create(name)).Field);

    [Theory]
    [InlineData("http://idp.example.com", false)]
    [InlineData("http://idp.example.com", true)]
    [InlineData("http://127.0.0.1:5000", false)]
    [InlineData("https://user:pw@idp.example.com", false)]
    public void Issuer_PlainHttpOutsideAllowedLoopback_IsRefused(string issuer, bool allowLoopbackHttp) =>
        Assert.Equal("issuer", Assert.Throws<DomainException>(() => Create(issuer: issuer, allowLoopbackHttp: allowLoopbackHttp)).Field);

    [Fact]
    public void Issuer_PlainHttpOnLoopback_IsAcceptedWhereAllowed() =>
        Assert.Equal("http://127.0.0.1:5000", Create(issuer: "http://127.0.0.1:5000", allowLoopbackHttp: true).Issuer);

    [Fact]
    public void Scopes_WithSpacesOrTooMany_AreRefused()
    {
        Assert.Equal("scopes", Assert.Throws<DomainException>(() => Create(scopes: ["open id"])).Field);
        Assert.Equal("scopes", Assert.Throws<DomainException>(() => Create(scopes: Enumerable.Range(0, 21).Select(i => $"s{i}"))).Field);
    }

    [Fact]
    public void ReplaceSecret_Empty_IsRefused() =>
        Assert.Equal("clientSecret", Assert.Throws<DomainException>(() => Create().ReplaceSecret(" ", Now)).Field);

    [Fact]
    public void ExternalLogin_NeedsASubject_AndAUserWithoutPasswordHasNone()
    {
        Assert.Equal("subject", Assert.Throws<DomainException>(() => ExternalLogin.Connect(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "", Now)).Field);
        var user = EndUser.CreateExternal(Guid.NewGuid(), "jo@example.com", "Jo", emailVerified: true, Now);
        Assert.False(user.HasPassword);
        Assert.True(user.EmailConfirmed);
    }
}
