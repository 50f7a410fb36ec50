using Org.BouncyCastle.Crypto.Generators;

namespace AlexaLinkHub.Infrastructure.Security.ForeignHashes;

/// <summary>scrypt in the PHC form passlib writes, <c>$scrypt$ln=16,r=8,p=1$salt$hash</c> (N = 2^ln; salt and hash in
/// base64), computed by BouncyCastle's SCrypt. The memory one sign-in takes (128·N·r bytes) is capped.</summary>
internal sealed class ScryptFormat : IForeignHashFormat
{
    public const long MaxMemoryBytes = 256L * 1024 * 1024;

    public string Name => "scrypt";

    public bool Claims(string hash) => hash.StartsWith("$scrypt$", StringComparison.Ordinal);

    public string? Check(string hash) => Parse(hash, out _);

    public bool Verify(string hash, string password)
    {
        if (Parse(hash, out var p) is not null)
            return false;
        var computed = SCrypt.Generate(HashEncoding.Utf8.GetBytes(password), p.Salt, 1 << p.Log2N, p.BlockSize, p.Parallelism, p.Hash.Length);
        return HashEncoding.FixedTimeEquals(computed, p.Hash);
    }

    private static string? Parse(string hash, out ScryptParameters parameters)
    {
        parameters = default!;
        var parts = hash.Split('$');
        if (parts.Length != 5 || parts[0].Length != 0)
            return "Malformed scrypt hash: expected $scrypt$ln=…,r=…,p=…$<salt>$<hash>.";
        var values = HashEncoding.Parameters(parts[2]);
        if (values is null || values.Count != 3 || !values.ContainsKey("ln") || !values.ContainsKey("r") || !values.ContainsKey("p"))
            return "Malformed scrypt hash: the parameters are ln (log2 of N), r and p, e.g. ln=16,r=8,p=1.";
        if (!HashEncoding.TryNumber(values["ln"], 1, 24, out var ln) || !HashEncoding.TryNumber(values["r"], 1, 64, out var r)
            || !HashEncoding.TryNumber(values["p"], 1, 16, out var p) || 128L * r * (1L << (int)ln) > MaxMemoryBytes)
            return $"scrypt parameters out of range: p at most 16, and 128·N·r at most {MaxMemoryBytes / (1024 * 1024)} MiB.";
        var salt = HashEncoding.Base64(parts[3]);
        var expected = HashEncoding.Base64(parts[4]);
        if (salt is null || salt.Length < 8 || expected is null || expected.Length < 16)
            return "Malformed scrypt hash: the salt (at least 8 bytes) and hash (at least 16) must be base64.";
        parameters = new ScryptParameters((int)ln, (int)r, (int)p, salt, expected);
        return null;
    }

    private sealed record ScryptParameters(int Log2N, int BlockSize, int Parallelism, byte[] Salt, byte[] Hash);
}
