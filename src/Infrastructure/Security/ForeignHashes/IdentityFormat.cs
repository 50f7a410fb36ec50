using System.Buffers.Binary;
using Microsoft.AspNetCore.Identity;

namespace AlexaLinkHub.Infrastructure.Security.ForeignHashes;

/// <summary>ASP.NET Core Identity's own format, v2 (<c>0x00</c>: PBKDF2-HMAC-SHA1, 1,000 iterations) and v3 (<c>0x01</c>,
/// base64 starting <c>AQAAAA</c>: PRF, iteration count and salt length in the header), verified by Identity's own
/// hasher — the one we hash with, so an imported Identity hash is simply replaced by a current one.</summary>
internal sealed class IdentityFormat(IPasswordHasher<IdentityPasswordHasher.Subject> hasher) : IForeignHashFormat
{
    private const int V2Length = 1 + 16 + 32;
    private const int V3HeaderLength = 13;

    public string Name => "aspnet-identity";

    public bool Claims(string hash) => hash.Length >= 20 && hash[0] == 'A' && !hash.Contains('$', StringComparison.Ordinal);

    public string? Check(string hash)
    {
        var bytes = HashEncoding.Base64(hash);
        if (bytes is null || bytes.Length == 0)
            return "Malformed ASP.NET Core Identity hash: it must be base64.";
        if (bytes[0] == 0x00)
            return bytes.Length == V2Length ? null : "Malformed ASP.NET Core Identity v2 hash: expected 49 bytes.";
        if (bytes[0] != 0x01 || bytes.Length < V3HeaderLength)
            return "Malformed ASP.NET Core Identity hash: the format marker is 0x00 (v2) or 0x01 (v3).";
        var prf = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1));
        var iterations = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5));
        var saltLength = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(9));
        if (prf > 2)
            return "Malformed ASP.NET Core Identity v3 hash: the PRF is HMAC-SHA1, -SHA256 or -SHA512.";
        if (iterations is < 1 or > Pbkdf2.MaxIterations)
            return Pbkdf2.IterationsProblem;
        if (saltLength < 16 || bytes.Length - V3HeaderLength - saltLength < 16)
            return "Malformed ASP.NET Core Identity v3 hash: the salt and the hash are at least 16 bytes each.";
        return null;
    }

    public bool Verify(string hash, string password) =>
        hasher.VerifyHashedPassword(IdentityPasswordHasher.Subject.Instance, hash, password) != PasswordVerificationResult.Failed;
}
