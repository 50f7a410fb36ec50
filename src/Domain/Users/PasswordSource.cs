namespace AlexaLinkHub.Domain.Users;

/// <summary>Where an end user's password hash comes from.</summary>
public enum PasswordSource
{
    /// <summary>Our hasher, from a password the user typed with us (sign-up, reset, sign-in, an admin).</summary>
    Own,

    /// <summary>The vendor's import file: a foreign hash (or ours of a plaintext password in the file), replaced by our
    /// own hash at the first successful sign-in.</summary>
    Imported,

    /// <summary>No password with us yet: the vendor's legacy sign-in endpoint checks the first sign-in.</summary>
    Legacy,
}
