using AlexaLinkHub.Application.Common.Security;
using Microsoft.AspNetCore.Identity;

namespace AlexaLinkHub.Infrastructure.Security.ForeignHashes;

/// <summary>The foreign hash formats an import may bring, each recognised by its prefix and parsed whole before it is
/// accepted. A hash no format claims is "unknown"; one a format claims but cannot parse is "malformed".</summary>
internal sealed class ForeignPasswordHashes(IPasswordHasher<IdentityPasswordHasher.Subject> identityHasher) : IForeignPasswordHashes
{
    public const string UnknownFormat =
        "Unknown password hash format. Supported: bcrypt ($2a$, $2b$, $2y$), Argon2 ($argon2id$, $argon2i$), PBKDF2 ($pbkdf2-sha256$, " +
        "$pbkdf2-sha512$, Django pbkdf2_sha256$), ASP.NET Core Identity v2/v3 (AQAAAA…) and scrypt ($scrypt$).";

    private readonly IForeignHashFormat[] _formats =
    [
        new BcryptFormat(),
        new Argon2Format(),
        new PasslibPbkdf2Format(),
        new DjangoPbkdf2Format(),
        new ScryptFormat(),
        new IdentityFormat(identityHasher),
    ];

    public ForeignHashInspection Inspect(string hash)
    {
        if (Find(hash) is not { } format)
            return ForeignHashInspection.Refused(UnknownFormat);
        return format.Check(hash) is { } problem ? ForeignHashInspection.Refused(problem) : ForeignHashInspection.Of(format.Name);
    }

    public bool Verify(string hash, string password) =>
        Find(hash) is { } format && format.Check(hash) is null && format.Verify(hash, password);

    private IForeignHashFormat? Find(string hash) => _formats.FirstOrDefault(f => f.Claims(hash));
}
