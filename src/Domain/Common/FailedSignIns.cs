namespace AlexaLinkHub.Domain.Common;

/// <summary>Failed sign-ins counted per email — whether or not an account has that email — so that an unknown email is
/// locked out after exactly as many attempts as a real one and the answer never reveals which emails have accounts.
/// The key is a hash of the normalised email, not the email. End users count per tenant (<c>SignInThrottle</c>), admins
/// platform-wide (<c>AdminSignInThrottle</c>); the rule is this one.</summary>
public abstract class FailedSignIns
{
    protected FailedSignIns()
    {
        Key = null!;
    }

    public Guid Id { get; protected set; }
    public string Key { get; protected set; }
    public int FailedCount { get; protected set; }
    public DateTimeOffset? LockedUntil { get; protected set; }
    public DateTimeOffset LastFailureAt { get; protected set; }

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

    /// <summary>An attempt counted before its check, which proved right without ending the sign-in (a second factor
    /// follows), is given back — the lockout it caused, if it was the last one allowed, too.</summary>
    public void GiveBack(int maxAttempts)
    {
        if (LockedUntil is not null && FailedCount == 0)
        {
            LockedUntil = null;
            FailedCount = maxAttempts - 1;
        }
        else if (FailedCount > 0)
            FailedCount--;
    }

    public void Reset()
    {
        FailedCount = 0;
        LockedUntil = null;
    }
}
