using AlexaLinkHub.Application.Users;

namespace AlexaLinkHub.Application.UnitTests.Accounts;

/// <summary>The one password rule, NIST SP 800-63B §5.1.1.2: at least 8 characters, at least 64 allowed (we allow 256),
/// every printable character and Unicode allowed, no composition rules, and a check against a list of common passwords.</summary>
public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("k7#mQz2")]
    public void Check_FewerThanEightCharacters_IsTooShort(string? password) =>
        Assert.Equal(PasswordRules.TooShortMessage, PasswordRules.Check(password));

    [Fact]
    public void Check_ExactlyEightCharacters_IsAccepted() => Assert.Null(PasswordRules.Check("k7#mQz2p"));

    [Fact]
    public void Check_ExactlyTheMaximumLength_IsAccepted()
    {
        var password = string.Concat(Enumerable.Repeat("taxi to the airport ", 13))[..PasswordRules.MaxLength];

        Assert.Equal(256, password.Length);
        Assert.Null(PasswordRules.Check(password));
    }

    [Fact]
    public void Check_OneCharacterOverTheMaximum_IsTooLongAndSaysTheLimit()
    {
        var password = new string('x', PasswordRules.MaxLength) + "y";

        Assert.Equal(PasswordRules.TooLongMessage, PasswordRules.Check(password));
        Assert.Contains("256", PasswordRules.TooLongMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SixtyFourCharacterPassphraseWithSpaces_IsAccepted()
    {
        // NIST: verifiers SHOULD permit at least 64 characters, spaces included.
        const string passphrase = "my taxi to the airport leaves at seven and I am always a bit late";

        Assert.True(passphrase.Length >= 64);
        Assert.Null(PasswordRules.Check(passphrase));
    }

    [Theory]
    [InlineData("password")]
    [InlineData("PASSWORD")]
    [InlineData("PassWord1")]
    [InlineData("IloveYou")]
    [InlineData("qwertyuiop")]
    [InlineData("Trustno1")]
    [InlineData(" sunshine ")]
    public void Check_CommonPasswordInAnyCase_IsRefusedAsTooCommon(string password)
    {
        Assert.Equal(PasswordRules.TooCommonMessage, PasswordRules.Check(password));
        Assert.Equal("This password is too common. Choose one that is harder to guess.", PasswordRules.TooCommonMessage);
    }

    [Theory]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("alllowercaseletters")]
    [InlineData("ALLUPPERCASELETTERS")]
    [InlineData("9482017365")]
    public void Check_NoDigitsOrSymbolsOrMixedCase_IsAcceptedWhenNotOnTheCommonList(string password)
    {
        // No composition rules (NIST: verifiers SHOULD NOT impose them). Only the list decides what is "too common", and
        // a long run of one letter is not on it.
        Assert.False(PasswordRules.IsCommon(password));
        Assert.Null(PasswordRules.Check(password));
    }

    [Fact]
    public void Check_UnicodePassphrase_IsAccepted() =>
        Assert.Null(PasswordRules.Check("Grüße aus Köln 🚕 東京タワー"));

    [Fact]
    public void Check_FourEmoji_IsTooShortBecauseEachCodePointIsOneCharacter()
    {
        // NIST: "each Unicode code point SHALL be counted as a single character". Four emoji are eight UTF-16 units.
        const string password = "🔑🚕🔑🚕";

        Assert.Equal(8, password.Length);
        Assert.Equal(PasswordRules.TooShortMessage, PasswordRules.Check(password));
    }

    [Fact]
    public void Check_MaximumLengthInEmoji_IsAccepted()
    {
        var password = string.Concat(Enumerable.Repeat("🚕", PasswordRules.MaxLength));

        Assert.Equal(512, password.Length);
        Assert.Null(PasswordRules.Check(password));
        Assert.Equal(PasswordRules.TooLongMessage, PasswordRules.Check(password + "🚕"));
    }
}
