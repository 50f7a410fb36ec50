namespace AlexaLinkHub.Application.Users;

/// <summary>NIST SP 800-63B: at least 8 characters, at least 64 allowed, no composition rules.</summary>
public static class PasswordRules
{
    public const int MinLength = 8;
    public const int MaxLength = 256;
}
