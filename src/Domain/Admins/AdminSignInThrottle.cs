using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.Admins;

/// <summary>Failed admin sign-ins (password or second factor) per email, platform-wide (<see cref="FailedSignIns"/>):
/// an address that is not an admin's locks exactly like one that is.</summary>
[GlobalEntity("Admins sign in before any tenant is chosen; the row names an email hash only, never an account.")]
public sealed class AdminSignInThrottle : FailedSignIns
{
    private AdminSignInThrottle()
    {
    }

    public static AdminSignInThrottle Create(string key, DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(key)
            ? throw new DomainException("A throttle names a key.")
            : new AdminSignInThrottle { Id = Guid.CreateVersion7(now), Key = key, LastFailureAt = now };
}
