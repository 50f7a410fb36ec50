using Konscious.Security.Cryptography;

namespace AlexaLinkHub.Infrastructure.Security.ForeignHashes;

/// <summary>Argon2 in the PHC string format, <c>$argon2id$v=19$m=65536,t=3,p=4$salt$hash</c> (also <c>argon2i</c>,
/// <c>argon2d</c>), computed by Konscious.Security.Cryptography.Argon2. Only version 19 (1.3, what every library has
/// written since 2016) is supported; memory, passes and lanes are capped so one sign-in cannot take the server's memory.</summary>
internal sealed class Argon2Format : IForeignHashFormat
{
    public const int MaxMemoryKib = 256 * 1024;
    public const int MaxPasses = 16;
    public const int MaxLanes = 16;

    public string Name => "argon2";

    public bool Claims(string hash) =>
        hash.StartsWith("$argon2id$", StringComparison.Ordinal) || hash.StartsWith("$argon2i$", StringComparison.Ordinal) || hash.StartsWith("$argon2d$", StringComparison.Ordinal);

    public string? Check(string hash) => Parse(hash, out _);

    public bool Verify(string hash, string password)
    {
        if (Parse(hash, out var p) is not null)
            return false;
        var bytes = HashEncoding.Utf8.GetBytes(password);
        using Argon2 argon = p.Type switch
        {
            "argon2id" => new Argon2id(bytes),
            "argon2i" => new Argon2i(bytes),
            _ => new Argon2d(bytes),
        };
        argon.Salt = p.Salt;
        argon.MemorySize = p.MemoryKib;
        argon.Iterations = p.Passes;
        argon.DegreeOfParallelism = p.Lanes;
        return HashEncoding.FixedTimeEquals(argon.GetBytes(p.Hash.Length), p.Hash);
    }

    private static string? Parse(string hash, out Argon2Parameters parameters)
    {
        parameters = default!;
        var parts = hash.Split('$');
        // "", type, [v=19], m=…,t=…,p=…, salt, hash
        if (parts.Length is not (5 or 6) || parts[0].Length != 0)
            return "Malformed Argon2 hash: expected $argon2id$v=19$m=…,t=…,p=…$<salt>$<hash>.";
        if (parts.Length == 5 || parts[2] != "v=19")
            return "Unsupported Argon2 version: only v=19 (Argon2 1.3) is verified.";
        var values = HashEncoding.Parameters(parts[^3]);
        if (values is null || values.Count != 3 || !values.ContainsKey("m") || !values.ContainsKey("t") || !values.ContainsKey("p"))
            return "Malformed Argon2 hash: the parameters are m (memory), t (passes) and p (lanes), e.g. m=65536,t=3,p=4.";
        if (!HashEncoding.TryNumber(values["p"], 1, MaxLanes, out var lanes)
            || !HashEncoding.TryNumber(values["t"], 1, MaxPasses, out var passes)
            || !HashEncoding.TryNumber(values["m"], 8 * lanes, MaxMemoryKib, out var memory))
            return $"Argon2 parameters out of range: at most m={MaxMemoryKib} (KiB), t={MaxPasses}, p={MaxLanes}, and m at least 8×p.";
        var salt = HashEncoding.Base64(parts[^2]);
        var expected = HashEncoding.Base64(parts[^1]);
        if (salt is null || salt.Length < 8 || expected is null || expected.Length < 4 || expected.Length > 1024)
            return "Malformed Argon2 hash: the salt (at least 8 bytes) and hash must be base64.";
        parameters = new Argon2Parameters(parts[1], (int)memory, (int)passes, (int)lanes, salt, expected);
        return null;
    }

    private sealed record Argon2Parameters(string Type, int MemoryKib, int Passes, int Lanes, byte[] Salt, byte[] Hash);
}
