using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.Users;

/// <summary>An end user's failed sign-ins on a tenant's login page, per tenant and email (<see cref="FailedSignIns"/>).</summary>
public sealed class SignInThrottle : FailedSignIns, ITenantOwned
{
    private SignInThrottle()
    {
    }

    public Guid TenantId { get; private set; }

    public static SignInThrottle Create(Guid tenantId, string key, DateTimeOffset now) =>
        tenantId == Guid.Empty || string.IsNullOrWhiteSpace(key)
            ? throw new DomainException("A throttle names a tenant and a key.")
            : new SignInThrottle { Id = Guid.CreateVersion7(now), TenantId = tenantId, Key = key, LastFailureAt = now };
}
