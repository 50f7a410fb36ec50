using AlexaLinkHub.Application.Common.Interfaces;

namespace AlexaLinkHub.Application.Common.Tenancy;

/// <summary>The scoped holder behind <see cref="ICurrentActor"/>. Anonymous (no rights) until the host says who is
/// acting: the web layer after authentication, or a job/startup task as <see cref="SetSystem"/>.</summary>
public sealed class ActorContext : ICurrentActor
{
    public const string SystemName = "system";
    public const string AnonymousName = "anonymous";

    private IReadOnlyCollection<Guid> _tenantIds = [];

    public string Name { get; private set; } = AnonymousName;
    public bool IsPlatformAdmin { get; private set; }
    public IReadOnlyCollection<Guid> TenantIds => _tenantIds;
    public string? SourceIp { get; private set; }
    public Guid? EndUserId { get; private set; }
    public Guid? AdminId { get; private set; }
    public DateTimeOffset? VerifiedAt { get; private set; }

    public void Set(string name, bool isPlatformAdmin, IReadOnlyCollection<Guid> tenantIds, string? sourceIp)
    {
        EndUserId = null;
        AdminId = null;
        VerifiedAt = null;
        Name = name;
        IsPlatformAdmin = isPlatformAdmin;
        _tenantIds = tenantIds;
        SourceIp = sourceIp;
    }

    /// <summary>The admin of an admin-UI session, who last proved who they are at <paramref name="verifiedAt"/>.</summary>
    public void SetAdmin(Guid adminId, string email, bool isPlatformAdmin, IReadOnlyCollection<Guid> tenantIds, DateTimeOffset verifiedAt, string? sourceIp)
    {
        Set($"admin:{email}", isPlatformAdmin, tenantIds, sourceIp);
        AdminId = adminId;
        VerifiedAt = verifiedAt;
    }

    public void SetAnonymous(string? sourceIp, string name = AnonymousName) => Set(name, false, [], sourceIp);

    public void SetSystem() => Set(SystemName, true, [], null);

    /// <summary>A signed-in end user: no admin rights, acts on their own account only.</summary>
    public void SetEndUser(Guid userId, string? sourceIp)
    {
        Set($"user:{userId}", false, [], sourceIp);
        EndUserId = userId;
    }
}
