using System.Security.Cryptography;

namespace AlexaLinkHub.Infrastructure.Security.ForeignHashes;

/// <summary>PBKDF2 computed by .NET's own <see cref="Rfc2898DeriveBytes.Pbkdf2(byte[], byte[], int, HashAlgorithmName, int)"/>.
/// Weak iteration counts still verify (and are replaced by our hash at the first sign-in); above
/// <see cref="MaxIterations"/> a sign-in would take seconds, so such a hash is refused at import.</summary>
internal static class Pbkdf2
{
    public const int MaxIterations = 2_000_000;

    public static bool Verify(string password, byte[] salt, int iterations, HashAlgorithmName algorithm, byte[] expected) =>
        HashEncoding.FixedTimeEquals(Rfc2898DeriveBytes.Pbkdf2(HashEncoding.Utf8.GetBytes(password), salt, iterations, algorithm, expected.Length), expected);

    public static HashAlgorithmName? Algorithm(string name) => name switch
    {
        "sha1" => HashAlgorithmName.SHA1,
        "sha256" => HashAlgorithmName.SHA256,
        "sha512" => HashAlgorithmName.SHA512,
        _ => null,
    };

    public static string IterationsProblem => $"PBKDF2 iterations out of range: 1 to {MaxIterations:N0}.";
}

/// <summary><c>$pbkdf2-sha256$29000$salt$hash</c> as passlib writes it (salt and hash in its adapted base64, '.' for '+'),
/// and the PHC form <c>$pbkdf2-sha256$i=29000,l=32$salt$hash</c> (standard base64); also <c>-sha512</c> and passlib's
/// SHA-1 <c>$pbkdf2$</c>.</summary>
internal sealed class PasslibPbkdf2Format : IForeignHashFormat
{
    public string Name => "pbkdf2";

    public bool Claims(string hash) =>
        hash.StartsWith("$pbkdf2-sha256$", StringComparison.Ordinal) || hash.StartsWith("$pbkdf2-sha512$", StringComparison.Ordinal)
        || hash.StartsWith("$pbkdf2-sha1$", StringComparison.Ordinal) || hash.StartsWith("$pbkdf2$", StringComparison.Ordinal);

    public string? Check(string hash) => Parse(hash, out _);

    public bool Verify(string hash, string password) =>
        Parse(hash, out var p) is null && Pbkdf2.Verify(password, p.Salt, p.Iterations, p.Algorithm, p.Hash);

    private static string? Parse(string hash, out Pbkdf2Parameters parameters)
    {
        parameters = default!;
        var parts = hash.Split('$');
        if (parts.Length != 5 || parts[0].Length != 0)
            return "Malformed PBKDF2 hash: expected $pbkdf2-sha256$<iterations>$<salt>$<hash>.";
        var algorithm = Pbkdf2.Algorithm(parts[1] == "pbkdf2" ? "sha1" : parts[1]["pbkdf2-".Length..]);
        if (algorithm is not { } name)
            return "Unsupported PBKDF2 digest: sha1, sha256 or sha512.";

        long iterations;
        string? length = null;
        var phc = parts[2].Contains('=', StringComparison.Ordinal);
        if (phc)
        {
            // PHC: i=<iterations>[,l=<length>]; the length, when given, must match the hash.
            var values = HashEncoding.Parameters(parts[2]);
            if (values is null || !values.TryGetValue("i", out var i) || values.Keys.Any(k => k is not ("i" or "l")))
                return "Malformed PBKDF2 hash: the PHC parameters are i=<iterations> and optionally l=<length>.";
            if (!HashEncoding.TryNumber(i, 1, Pbkdf2.MaxIterations, out iterations))
                return Pbkdf2.IterationsProblem;
            length = values.GetValueOrDefault("l");
        }
        else if (!HashEncoding.TryNumber(parts[2], 1, Pbkdf2.MaxIterations, out iterations))
        {
            return Pbkdf2.IterationsProblem;
        }

        var salt = HashEncoding.Base64(parts[3], adapted: !phc);
        var expected = HashEncoding.Base64(parts[4], adapted: !phc);
        if (salt is null || salt.Length < 8 || expected is null || expected.Length < 16)
            return "Malformed PBKDF2 hash: the salt (at least 8 bytes) and hash (at least 16) must be base64.";
        if (length is not null && length != expected.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))
            return "Malformed PBKDF2 hash: l= does not match the length of the hash.";
        parameters = new Pbkdf2Parameters(name, (int)iterations, salt, expected);
        return null;
    }

    private sealed record Pbkdf2Parameters(HashAlgorithmName Algorithm, int Iterations, byte[] Salt, byte[] Hash);
}

/// <summary>Django's <c>pbkdf2_sha256$&lt;iterations&gt;$&lt;salt&gt;$&lt;base64 hash&gt;</c> (and <c>pbkdf2_sha1</c>):
/// the salt is used as its UTF-8 text, not decoded.</summary>
internal sealed class DjangoPbkdf2Format : IForeignHashFormat
{
    public string Name => "django-pbkdf2";

    public bool Claims(string hash) =>
        hash.StartsWith("pbkdf2_sha256$", StringComparison.Ordinal) || hash.StartsWith("pbkdf2_sha1$", StringComparison.Ordinal);

    public string? Check(string hash) => Parse(hash, out _, out _, out _, out _);

    public bool Verify(string hash, string password) =>
        Parse(hash, out var algorithm, out var iterations, out var salt, out var expected) is null
        && Pbkdf2.Verify(password, salt, iterations, algorithm, expected);

    private static string? Parse(string hash, out HashAlgorithmName algorithm, out int iterations, out byte[] salt, out byte[] expected)
    {
        (algorithm, iterations, salt, expected) = (default, 0, [], []);
        var parts = hash.Split('$');
        if (parts.Length != 4 || parts[2].Length == 0)
            return "Malformed Django hash: expected pbkdf2_sha256$<iterations>$<salt>$<hash>.";
        algorithm = parts[0] == "pbkdf2_sha1" ? HashAlgorithmName.SHA1 : HashAlgorithmName.SHA256;
        if (!HashEncoding.TryNumber(parts[1], 1, Pbkdf2.MaxIterations, out var count))
            return Pbkdf2.IterationsProblem;
        iterations = (int)count;
        salt = HashEncoding.Utf8.GetBytes(parts[2]);
        var decoded = HashEncoding.Base64(parts[3]);
        if (decoded is null || decoded.Length < 16)
            return "Malformed Django hash: the hash must be base64 of at least 16 bytes.";
        expected = decoded;
        return null;
    }
}
