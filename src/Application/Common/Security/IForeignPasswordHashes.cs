namespace AlexaLinkHub.Application.Common.Security;

/// <summary>Password hashes made by other systems, as a vendor exports them (bcrypt, Argon2, PBKDF2 in PHC, passlib and
/// Django form, ASP.NET Core Identity, scrypt). Verified by well-kept libraries, compared in fixed time; never logged.</summary>
public interface IForeignPasswordHashes
{
    /// <summary>Which format <paramref name="hash"/> is, or why we cannot verify it (unknown, malformed, or costlier than
    /// we allow at sign-in). The answer never quotes the hash.</summary>
    ForeignHashInspection Inspect(string hash);

    /// <summary>True when <paramref name="password"/> matches a hash that <see cref="Inspect"/> accepts; false for any
    /// other hash.</summary>
    bool Verify(string hash, string password);
}

public sealed record ForeignHashInspection(string? Format, string? Problem)
{
    public bool IsValid => Problem is null;

    public static ForeignHashInspection Of(string format) => new(format, null);

    public static ForeignHashInspection Refused(string problem) => new(null, problem);
}
