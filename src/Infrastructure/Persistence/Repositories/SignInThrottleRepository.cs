using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Infrastructure.Persistence.Repositories;

internal sealed class SignInThrottleRepository(AppDbContext db) : ISignInThrottleRepository
{
    public Task<SignInThrottle?> FindAsync(string key, CancellationToken cancellationToken) =>
        db.SignInThrottles.FirstOrDefaultAsync(t => t.Key == key, cancellationToken);

    public Task<SignInThrottle> LockAsync(Guid tenantId, string key, DateTimeOffset now, CancellationToken cancellationToken) =>
        ThrottleRowLock.LockAsync(db, key, () => SignInThrottle.Create(tenantId, key, now), cancellationToken);

    public void Remove(SignInThrottle throttle) => db.SignInThrottles.Remove(throttle);
}
