using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.Users;

/// <summary>Failed sign-ins counted per tenant and email — whether or not an account has that email — so that an
/// unknown email is locked out after exactly as many attempts as a real one, and the answer never reveals which
/// emails have accounts. The key is a hash of the normalised email, not the email.</summary>
public sealed class SignInThrottle : ITenantOwned
{
    private SignInThrottle()
    {
        Key = null!;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Key { get; private set; }
    public int FailedCount { get; private set; }
    public DateTimeOffset? LockedUntil { get; private set; }
    public DateTimeOffset LastFailureAt { get; private set; }

    public static SignInThrottle Create(Guid tenantId, string key, DateTimeOffset now) =>
        tenantId == Guid.Empty || string.IsNullOrWhiteSpace(key)
            ? throw new DomainException("A throttle names a tenant and a key.")
            : new SignInThrottle { Id = Guid.CreateVersion7(now), TenantId = tenantId, Key = key, LastFailureAt = now };

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>Counts a failure; the <paramref name="maxAttempts"/>-th failure locks for <paramref name="lockout"/>.
    /// Failures older than <paramref name="window"/> are forgotten.</summary>
    public void RecordFailure(DateTimeOffset now, int maxAttempts, TimeSpan lockout, TimeSpan window)
    {
        if (maxAttempts < 1)
            throw new DomainException("maxAttempts must be at least 1.");
        if (now - LastFailureAt > window && !IsLockedOut(now))
            FailedCount = 0;
        FailedCount++;
        LastFailureAt = now;
        if (FailedCount >= maxAttempts)
        {
            LockedUntil = now + lockout;
            FailedCount = 0;
        }
    }

    public void Reset()
    {
        FailedCount = 0;
        LockedUntil = null;
    }
}
