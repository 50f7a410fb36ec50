using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.Tenants;

namespace AlexaLinkHub.Domain.UnitTests.Tenants;

public class TenantSlugTests
{
    [Theory]
    [InlineData("acme")]
    [InlineData("abc")]
    [InlineData("car-fu")]
    [InlineData("taxi-2-go")]
    [InlineData("123")]
    [InlineData("a-b")]
    public void Validate_LowercaseLettersDigitsAndInnerHyphens_IsAccepted(string slug) =>
        Assert.Equal(slug, TenantSlug.Validate(slug));

    [Fact]
    public void Validate_SurroundingWhitespace_IsTrimmed() =>
        Assert.Equal("acme", TenantSlug.Validate("  acme\t"));

    [Fact]
    public void Validate_ExactlyFortyCharacters_IsAccepted()
    {
        var slug = new string('a', TenantSlug.MaxLength);

        Assert.Equal(slug, TenantSlug.Validate(slug));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ab")]
    [InlineData("  ab  ")]
    public void Validate_ShorterThanThreeAfterTrimming_IsRefusedNamingTheLength(string? slug)
    {
        var ex = Assert.Throws<DomainException>(() => TenantSlug.Validate(slug));

        Assert.Equal("slug", ex.Field);
        Assert.Contains("3 to 40", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FortyOneCharacters_IsRefusedNamingTheLength()
    {
        var ex = Assert.Throws<DomainException>(() => TenantSlug.Validate(new string('a', TenantSlug.MaxLength + 1)));

        Assert.Equal("slug", ex.Field);
        Assert.Contains("3 to 40", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Acme")]
    [InlineData("ACME")]
    [InlineData("car_fu")]
    [InlineData("car.fu")]
    [InlineData("car fu")]
    [InlineData("car/fu")]
    [InlineData("café")]
    [InlineData("-acme")]
    [InlineData("acme-")]
    [InlineData("---")]
    [InlineData("acme%20")]
    public void Validate_CharacterOutsideAlphabetOrEdgeHyphen_IsRefused(string slug)
    {
        var ex = Assert.Throws<DomainException>(() => TenantSlug.Validate(slug));

        Assert.Equal("slug", ex.Field);
        Assert.Contains("lowercase letters a-z", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("api")]
    [InlineData("health")]
    [InlineData("openapi")]
    [InlineData("scalar")]
    [InlineData("connect")]
    [InlineData("well-known")]
    [InlineData("login")]
    [InlineData("hangfire")]
    [InlineData("alexalinkhub")]
    public void Validate_ReservedWord_IsRefusedAsReserved(string slug)
    {
        var ex = Assert.Throws<DomainException>(() => TenantSlug.Validate(slug));

        Assert.Equal("slug", ex.Field);
        Assert.Equal($"The slug '{slug}' is reserved.", ex.Message);
    }

    [Fact]
    public void Validate_ReservedWordWithSurroundingWhitespace_IsStillRefused()
    {
        var ex = Assert.Throws<DomainException>(() => TenantSlug.Validate(" admin "));

        Assert.Contains("reserved", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reserved_EveryWordLongEnoughToBeASlug_IsRefusedBecauseReserved()
    {
        // A reserved word refused for another reason (pattern, length) would hide a typo in the list.
        var notRefusedAsReserved = TenantSlug.Reserved
            .Where(word => word.Length >= TenantSlug.MinLength)
            .Where(word =>
            {
                try
                {
                    TenantSlug.Validate(word);
                    return true;
                }
                catch (DomainException ex)
                {
                    return !ex.Message.Contains("reserved", StringComparison.Ordinal);
                }
            })
            .ToList();

        Assert.True(notRefusedAsReserved.Count == 0, $"Reserved words not refused as reserved: {string.Join(", ", notRefusedAsReserved)}");
    }

    [Fact]
    public void Validate_WordThatMerelyContainsAReservedWord_IsAccepted() =>
        Assert.Equal("admin-tools", TenantSlug.Validate("admin-tools"));

    [Theory]
    [InlineData("acme", true)]
    [InlineData(" acme ", true)]
    [InlineData("api", false)]
    [InlineData("ab", false)]
    [InlineData("-ab-", false)]
    [InlineData(null, false)]
    public void IsValid_AgreesWithValidate(string? slug, bool expected) =>
        Assert.Equal(expected, TenantSlug.IsValid(slug));
}
