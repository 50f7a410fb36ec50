using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.Users;

/// <summary>Email addresses are compared after trimming and ignoring case (Alexa's login-page guidance: forgive trailing
/// spaces and capitalisation). The address is kept as entered (trimmed) for display and mail.</summary>
public static class EmailAddress
{
    public const int MaxLength = 254;

    /// <summary>The code of the rule below, for a page that words the refusal itself.</summary>
    public const string InvalidCode = "email.invalid";

    public static string Validate(string? value, string field = "email")
    {
        var email = value?.Trim() ?? string.Empty;
        if (email.Length == 0)
            throw new DomainException("Email is required.", field);
        if (email.Length > MaxLength)
            throw new DomainException($"Email must be at most {MaxLength} characters.", field);
        var at = email.LastIndexOf('@');
        if (at <= 0 || at == email.Length - 1 || email.IndexOf('@') != at || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            || !email[(at + 1)..].Contains('.') || email[(at + 1)..].StartsWith('.') || email.EndsWith('.'))
            throw new DomainException("Enter an email address like name@example.com.", field);
        return email;
    }

    /// <summary>The form used for lookups and uniqueness.</summary>
    public static string Normalize(string? value) => (value ?? string.Empty).Trim().ToUpperInvariant();
}
