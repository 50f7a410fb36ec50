using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.Links;

/// <summary>One successful account linking: an end user allowed a skill the listed scopes. The tokens issued for it hang
/// off its grant (<see cref="GrantId"/>, the OAuth server's authorization); revoking the link revokes them.</summary>
public sealed class AccountLink : ITenantOwned
{
    public const int MaxScopesText = 2000;

    /// <summary>How long a console test link lives before the maintenance job ends it.</summary>
    public static readonly TimeSpan TestLifetime = TimeSpan.FromMinutes(15);

    private List<string> _scopes = [];

    private AccountLink()
    {
        ClientId = null!;
        GrantId = null!;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid SkillId { get; private set; }

    /// <summary>The skill's client_id at the time of linking (kept for the audit trail and admin views).</summary>
    public string ClientId { get; private set; }
    public Guid UserId { get; private set; }
    public IReadOnlyList<string> Scopes => _scopes;
    public string GrantId { get; private set; }
    public DateTimeOffset LinkedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedReason { get; private set; }

    /// <summary>Made by the console's "Test this skill" (docs/decisions/021): not counted in the vendor's statistics, no
    /// webhooks, and ended after <see cref="TestLifetime"/>.</summary>
    public bool IsTest { get; private set; }

    public bool IsActive => RevokedAt is null;

    public static AccountLink Create(Guid tenantId, Guid skillId, string clientId, Guid userId, IEnumerable<string> scopes, string grantId, DateTimeOffset now, bool isTest = false)
    {
        if (tenantId == Guid.Empty || skillId == Guid.Empty || userId == Guid.Empty)
            throw new DomainException("A link names a tenant, a skill and a user.");
        if (string.IsNullOrWhiteSpace(grantId))
            throw new DomainException("A link needs its grant.");
        return new AccountLink
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            SkillId = skillId,
            ClientId = clientId,
            UserId = userId,
            _scopes = scopes.Distinct(StringComparer.Ordinal).ToList(),
            GrantId = grantId,
            LinkedAt = now,
            IsTest = isTest,
        };
    }

    /// <summary>Marks the link revoked; the first revocation (time and reason) is kept.</summary>
    public bool Revoke(DateTimeOffset now, string reason)
    {
        if (RevokedAt is not null)
            return false;
        RevokedAt = now;
        RevokedReason = reason;
        return true;
    }
}

/// <summary>Why a link ended, as stored and reported to vendors.</summary>
public static class LinkRevocationReasons
{
    public const string Admin = "admin";
    public const string TokenCap = "token_cap";
    public const string UserUnlinked = "user_unlinked";
    public const string SkillRevocation = "skill_revocation";
    public const string UserDeleted = "user_deleted";
    public const string ClientRevocation = "client_revocation";

    /// <summary>An admin revoked every token of the tenant at once (incident response).</summary>
    public const string TenantRevocation = "tenant_revocation";

    /// <summary>A redeemed authorization code, or a refresh token past its reuse leeway, was presented again; the OAuth
    /// server revoked every token of the grant.</summary>
    public const string TokenReplay = "token_replay";

    /// <summary>A console test link reached the end of <see cref="AccountLink.TestLifetime"/>.</summary>
    public const string TestExpired = "test_expired";
}
