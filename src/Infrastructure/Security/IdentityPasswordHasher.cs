using AlexaLinkHub.Application.Common.Security;
using Microsoft.AspNetCore.Identity;

namespace AlexaLinkHub.Infrastructure.Security;

/// <summary>ASP.NET Core Identity's password hasher (PBKDF2-HMAC-SHA512, salted, versioned format). The user type
/// parameter is unused by the algorithm.</summary>
internal sealed class IdentityPasswordHasher(IPasswordHasher<IdentityPasswordHasher.Subject> hasher) : Application.Common.Security.IPasswordHasher
{
    public string Hash(string password) => hasher.HashPassword(Subject.Instance, password);

    public PasswordCheck Verify(string hash, string password) => hasher.VerifyHashedPassword(Subject.Instance, hash, password) switch
    {
        PasswordVerificationResult.Success => PasswordCheck.Success,
        PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.SuccessRehashNeeded,
        _ => PasswordCheck.Failed,
    };

    internal sealed class Subject
    {
        public static readonly Subject Instance = new();
    }
}
