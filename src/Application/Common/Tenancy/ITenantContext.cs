namespace AlexaLinkHub.Application.Common.Tenancy;

/// <summary>The tenant the current request or job acts for. Tenant-owned data outside it is invisible (a global query
/// filter); the platform scope sees every tenant and is entered explicitly, never by default.</summary>
public interface ITenantContext
{
    Guid? TenantId { get; }
    string? TenantSlug { get; }

    /// <summary>True only after <see cref="TenantContext.EnterPlatformScope"/>: platform operations and background maintenance.</summary>
    bool IsPlatformScope { get; }

    Guid RequiredTenantId => TenantId ?? throw new InvalidOperationException("No tenant is in scope.");
}

/// <summary>The scoped holder behind <see cref="ITenantContext"/>: entered once per request (or job) by whoever knows the
/// tenant — tenant resolution for <c>/t/{slug}</c>, <see cref="Tenants.EnterTenantScope"/> or
/// <see cref="Tenants.EnterPlatformScope"/> for the admin API and UI, the job scope. Entering it again, or narrowing the
/// platform scope to one tenant, is harmless; anything else is refused: work for another tenant runs in a scope of its own.</summary>
public sealed class TenantContext : ITenantContext
{
    public Guid? TenantId { get; private set; }
    public string? TenantSlug { get; private set; }
    public bool IsPlatformScope { get; private set; }

    public void EnterTenant(Guid tenantId, string slug)
    {
        if (TenantId is { } current && current != tenantId)
            throw new InvalidOperationException("The tenant of a scope cannot change.");
        TenantId = tenantId;
        TenantSlug = slug;
        IsPlatformScope = false;
    }

    public void EnterPlatformScope()
    {
        if (TenantId is not null)
            throw new InvalidOperationException("A tenant's scope cannot become the platform scope.");
        IsPlatformScope = true;
    }
}
