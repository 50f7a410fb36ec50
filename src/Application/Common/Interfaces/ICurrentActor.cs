namespace AlexaLinkHub.Application.Common.Interfaces;

/// <summary>Who is asking: an API key, an admin, an end user or the system. Used for authorisation and audit.</summary>
public interface ICurrentActor
{
    Tenancy.ActorKind Kind { get; }

    /// <summary>A stable, non-secret name for the audit log, e.g. <c>api-key:alh_ab12cd34</c> or <c>system</c>.</summary>
    string Name { get; }

    bool IsPlatformAdmin { get; }

    /// <summary>The tenants this actor may administer (ignored for platform admins).</summary>
    IReadOnlyCollection<Guid> TenantIds { get; }

    string? SourceIp { get; }

    /// <summary>The signed-in end user of the tenant in scope, when the actor is one.</summary>
    Guid? EndUserId { get; }

    /// <summary>The admin of an admin-UI session, when the actor is one.</summary>
    Guid? AdminId { get; }

    /// <summary>When the admin of this UI session last proved who they are (sign-in with every factor they have, or a
    /// step-up); null for actors without an interactive session (API keys, the system), who are never asked again.</summary>
    DateTimeOffset? VerifiedAt { get; }

    /// <summary>What the actor may do in the tenant (owner, admin, viewer); null when it administers nothing there.</summary>
    Domain.Admins.AdminRole? RoleIn(Guid tenantId);

    bool CanAdminister(Guid tenantId) => IsPlatformAdmin || TenantIds.Contains(tenantId);
}
