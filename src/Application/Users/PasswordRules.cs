using System.Collections.Frozen;

namespace AlexaLinkHub.Application.Users;

/// <summary>NIST SP 800-63B §5.1.1.2: at least 8 characters, at least 64 allowed, no composition rules, and not a
/// commonly used or breached password (checked against a list shipped with the app).</summary>
public static class PasswordRules
{
    public const int MinLength = 8;
    public const int MaxLength = 256;

    public const string TooShortMessage = "Use at least 8 characters.";
    public const string TooLongMessage = "Use at most 256 characters.";
    public const string TooCommonMessage = "This password is too common. Choose one that is harder to guess.";

    /// <summary>The rules' codes, for a page that words them itself (the tenant pages, in the user's language).</summary>
    public const string TooShortCode = "password.too_short";
    public const string TooLongCode = "password.too_long";
    public const string TooCommonCode = "password.too_common";

    private static readonly Lazy<FrozenSet<string>> s_common = new(LoadCommonPasswords);

    /// <summary>The reason a password is refused, or null when it is acceptable.</summary>
    public static string? Check(string? password) => Problem(password)?.Message;

    /// <summary>The rule a password breaks (its code and message), or null when it is acceptable.</summary>
    public static (string Code, string Message)? Problem(string? password)
    {
        if (string.IsNullOrEmpty(password))
            return (TooShortCode, TooShortMessage);
        // NIST: "each Unicode code point SHALL be counted as a single character" (an emoji is two UTF-16 chars).
        var length = password.EnumerateRunes().Count();
        if (length < MinLength)
            return (TooShortCode, TooShortMessage);
        if (length > MaxLength)
            return (TooLongCode, TooLongMessage);
        return IsCommon(password) ? (TooCommonCode, TooCommonMessage) : null;
    }

    public static bool IsCommon(string password) => s_common.Value.Contains(password.Trim().ToLowerInvariant());

    private static FrozenSet<string> LoadCommonPasswords()
    {
        using var stream = typeof(PasswordRules).Assembly.GetManifestResourceStream("AlexaLinkHub.CommonPasswords")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
                set.Add(line.ToLowerInvariant());
        }
        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
