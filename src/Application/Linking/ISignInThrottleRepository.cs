using AlexaLinkHub.Domain.Users;

namespace AlexaLinkHub.Application.Linking;

public interface ISignInThrottleRepository
{
    Task<SignInThrottle?> FindAsync(string key, CancellationToken cancellationToken);

    /// <summary>The tenant's throttle for <paramref name="key"/>, created when missing, read after taking a lock
    /// on its row that concurrent writers wait for until the current transaction ends. Call it inside a command's
    /// transaction.</summary>
    Task<SignInThrottle> LockAsync(Guid tenantId, string key, DateTimeOffset now, CancellationToken cancellationToken);

    void Remove(SignInThrottle throttle);
}
