using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Tenants;

namespace AlexaLinkHub.Infrastructure.Jobs;

/// <summary>Restores, in a job's own DI scope, what a request would have had: the system as the actor, and the tenant the
/// job was enqueued for (its id is a job argument) — or the platform scope for platform-wide work (and the host's own
/// start-up work). A job of tenant A then sees tenant A's rows only, through the same query filter as a request of
/// tenant A. Like a request's, the scope's actor and tenant are set once.</summary>
public sealed class JobScope(TenantContext tenant, ActorContext actor, ITenantRepository tenants)
{
    /// <summary>The result of a tenant's job whose tenant no longer exists.</summary>
    public const string TenantGone = "TenantGone";

    /// <summary>False when the tenant no longer exists (the job has nothing to do).</summary>
    public async Task<bool> EnterAsync(Guid? tenantId, CancellationToken cancellationToken)
    {
        actor.Set(Actor.System);
        if (tenantId is not { } id)
        {
            tenant.EnterPlatformScope();
            return true;
        }
        var found = await tenants.FindByIdAsync(id, cancellationToken);
        if (found is null)
            return false;
        tenant.EnterTenant(found.Id, found.Slug);
        return true;
    }

    public void EnterPlatform()
    {
        actor.Set(Actor.System);
        tenant.EnterPlatformScope();
    }
}
