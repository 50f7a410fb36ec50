using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.Users;

namespace AlexaLinkHub.Domain.UnitTests.Users;

public class EmailAddressTests
{
    [Theory]
    [InlineData("a@b.co")]
    [InlineData("ada.lovelace@example.com")]
    [InlineData("Ada.Lovelace+alexa@Example.COM")]
    [InlineData("o'brien@mail.example.ie")]
    public void Validate_PlausibleAddress_IsKeptAsEntered(string email) =>
        Assert.Equal(email, EmailAddress.Validate(email));

    [Fact]
    public void Validate_SurroundingWhitespace_IsTrimmed() =>
        Assert.Equal("Ada@Example.com", EmailAddress.Validate("  Ada@Example.com \t"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_Blank_IsRequired(string? email)
    {
        var ex = Assert.Throws<DomainException>(() => EmailAddress.Validate(email));

        Assert.Equal("email", ex.Field);
        Assert.Equal("Email is required.", ex.Message);
    }

    [Theory]
    [InlineData("plainaddress")]
    [InlineData("@example.com")]
    [InlineData("ada@")]
    [InlineData("ada@@example.com")]
    [InlineData("ada@lovelace@example.com")]
    [InlineData("ada@example")]
    [InlineData("ada@.example.com")]
    [InlineData("ada@example.com.")]
    [InlineData("ada lovelace@example.com")]
    [InlineData("ada@exa mple.com")]
    [InlineData("ada\u0000@example.com")]
    public void Validate_MalformedAddress_IsRefusedWithAnExample(string email)
    {
        var ex = Assert.Throws<DomainException>(() => EmailAddress.Validate(email));

        Assert.Equal("email", ex.Field);
        Assert.Equal("Enter an email address like name@example.com.", ex.Message);
    }

    [Fact]
    public void Validate_ExactlyMaxLength_IsAccepted()
    {
        var email = new string('a', EmailAddress.MaxLength - "@example.com".Length) + "@example.com";

        Assert.Equal(email, EmailAddress.Validate(email));
    }

    [Fact]
    public void Validate_LongerThanMaxLength_IsRefused()
    {
        var email = new string('a', EmailAddress.MaxLength) + "@example.com";

        var ex = Assert.Throws<DomainException>(() => EmailAddress.Validate(email));

        Assert.Contains("254", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CustomField_IsNamedInTheError() =>
        Assert.Equal("adminEmail", Assert.Throws<DomainException>(() => EmailAddress.Validate("nope", "adminEmail")).Field);

    [Theory]
    [InlineData("ada@example.com")]
    [InlineData("ADA@EXAMPLE.COM")]
    [InlineData("  Ada@Example.Com  ")]
    [InlineData("\tada@EXAMPLE.com\n")]
    public void Normalize_CaseAndSurroundingWhitespace_AreIgnored(string email) =>
        Assert.Equal("ADA@EXAMPLE.COM", EmailAddress.Normalize(email));

    [Fact]
    public void Normalize_DifferentAddresses_StayDifferent() =>
        Assert.NotEqual(EmailAddress.Normalize("ada@example.com"), EmailAddress.Normalize("ada+1@example.com"));

    [Fact]
    public void Normalize_Null_IsEmpty() =>
        Assert.Equal(string.Empty, EmailAddress.Normalize(null));
}
