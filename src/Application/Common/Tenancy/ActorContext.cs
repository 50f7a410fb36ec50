using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Admins;
using AlexaLinkHub.Domain.Audit;

namespace AlexaLinkHub.Application.Common.Tenancy;

public enum ActorKind
{
    Anonymous,
    EndUser,
    Admin,
    ApiKey,
    Client,
    System,
}

/// <summary>Who is acting, with their reach and a stable, non-secret name for the audit log. <see cref="AdminId"/> and
/// <see cref="VerifiedAt"/> belong to an admin of the UI: who they are, and when they last proved it (step-up).
/// <see cref="TenantRoles"/>: the role in each tenant of <see cref="TenantIds"/> (a platform actor is an owner everywhere).</summary>
public sealed record Actor(
    ActorKind Kind,
    string Name,
    bool IsPlatformAdmin,
    IReadOnlyCollection<Guid> TenantIds,
    string? SourceIp,
    Guid? EndUserId = null,
    Guid? AdminId = null,
    DateTimeOffset? VerifiedAt = null,
    IReadOnlyDictionary<Guid, AdminRole>? TenantRoles = null)
{
    public const string SystemName = "system";
    public const string AnonymousName = "anonymous";

    public static Actor System { get; } = new(ActorKind.System, SystemName, true, [], null);

    public static Actor Anonymous(string? sourceIp) => new(ActorKind.Anonymous, AnonymousName, false, [], sourceIp);

    /// <summary>A signed-in end user: no admin rights, acts on their own account only.</summary>
    public static Actor EndUser(Guid userId, string? sourceIp) => new(ActorKind.EndUser, AuditTarget.User(userId).Value, false, [], sourceIp, userId);

    /// <summary>The admin of an admin-UI session, who last proved who they are at <paramref name="verifiedAt"/>.</summary>
    public static Actor Admin(Guid adminId, string email, bool isPlatformAdmin, IReadOnlyDictionary<Guid, AdminRole> tenantRoles, DateTimeOffset verifiedAt, string? sourceIp) =>
        new(ActorKind.Admin, AuditTarget.Admin(email).Value, isPlatformAdmin, tenantRoles.Keys.ToList(), sourceIp, AdminId: adminId, VerifiedAt: verifiedAt, TenantRoles: tenantRoles);

    /// <summary>An API key: platform-wide, or of one tenant with its role. Named by its public prefix, never its value.</summary>
    public static Actor ApiKey(string prefix, Guid? tenantId, string? sourceIp, AdminRole role = AdminRole.Admin) =>
        new(ActorKind.ApiKey, AuditTarget.ApiKey(prefix).Value, tenantId is null, tenantId is { } id ? [id] : [], sourceIp,
            TenantRoles: tenantId is { } tenant ? new Dictionary<Guid, AdminRole> { [tenant] = role } : null);

    /// <summary>The actor's role in <paramref name="tenantId"/>: owner for a platform actor, null when it has none there.</summary>
    public AdminRole? RoleIn(Guid tenantId) =>
        IsPlatformAdmin ? AdminRole.Owner : TenantRoles is not null && TenantRoles.TryGetValue(tenantId, out var role) ? role : null;

    /// <summary>A skill, as the OAuth server authenticated it.</summary>
    public static Actor Client(string clientId, string? sourceIp) => new(ActorKind.Client, $"client:{clientId}", false, [], sourceIp);
}

/// <summary>The scoped holder behind <see cref="ICurrentActor"/>: anonymous (no rights) until the one component that knows
/// who is acting sets it — the web host's actor middleware for a request, the job scope for a job — once. It cannot be
/// changed afterwards; work done as someone else runs in a scope of its own.</summary>
public sealed class ActorContext : ICurrentActor
{
    private static readonly Actor s_unset = Actor.Anonymous(null);
    private Actor? _actor;

    public Actor Current => _actor ?? s_unset;
    public ActorKind Kind => Current.Kind;
    public string Name => Current.Name;
    public bool IsPlatformAdmin => Current.IsPlatformAdmin;
    public IReadOnlyCollection<Guid> TenantIds => Current.TenantIds;
    public string? SourceIp => Current.SourceIp;
    public Guid? EndUserId => Current.EndUserId;
    public Guid? AdminId => Current.AdminId;
    public DateTimeOffset? VerifiedAt => Current.VerifiedAt;
    public AdminRole? RoleIn(Guid tenantId) => Current.RoleIn(tenantId);

    public void Set(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (_actor is not null)
            throw new InvalidOperationException("The actor of a request or job is set once; act as someone else in a scope of its own.");
        _actor = actor;
    }
}
