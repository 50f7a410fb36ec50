using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Infrastructure.Persistence.Repositories;

internal sealed class SignInThrottleRepository(AppDbContext db) : ISignInThrottleRepository
{
    public Task<SignInThrottle?> FindAsync(string key, CancellationToken cancellationToken) =>
        db.SignInThrottles.FirstOrDefaultAsync(t => t.Key == key, cancellationToken);

    public void Add(SignInThrottle throttle) => db.SignInThrottles.Add(throttle);

    public void Remove(SignInThrottle throttle) => db.SignInThrottles.Remove(throttle);
}
