using AlexaLinkHub.Domain.Users;

namespace AlexaLinkHub.Application.Linking;

public interface ISignInThrottleRepository
{
    Task<SignInThrottle?> FindAsync(string key, CancellationToken cancellationToken);

    void Add(SignInThrottle throttle);

    void Remove(SignInThrottle throttle);
}
