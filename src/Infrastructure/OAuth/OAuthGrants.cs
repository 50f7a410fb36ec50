using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AlexaLinkHub.Infrastructure.OAuth;

/// <summary>Grants are OpenIddict authorizations; revoking one revokes its tokens in the same statement batch, so a
/// revoked token is inactive at introspection the moment the command commits.</summary>
internal sealed class OAuthGrants(
    AppDbContext db,
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictTokenManager tokens,
    TimeProvider clock) : IOAuthGrants
{
    public async Task<string> CreateGrantAsync(Guid skillId, Guid userId, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictAuthorizationDescriptor
        {
            // A client is its skill (OAuthApplication is the skill's row): the application id is the skill's id.
            ApplicationId = skillId.ToString(),
            Subject = userId.ToString(),
            Status = Statuses.Valid,
            Type = AuthorizationTypes.AdHoc,
            CreationDate = clock.GetUtcNow(),
        };
        descriptor.Scopes.UnionWith(scopes);
        var authorization = await authorizations.CreateAsync(descriptor, cancellationToken);
        return (await authorizations.GetIdAsync(authorization, cancellationToken))!;
    }

    public async Task RevokeGrantsAsync(IReadOnlyCollection<string> grantIds, CancellationToken cancellationToken)
    {
        foreach (var grantId in grantIds)
        {
            if (await authorizations.FindByIdAsync(grantId, cancellationToken) is { } authorization)
                await authorizations.TryRevokeAsync(authorization, cancellationToken);
            await tokens.RevokeByAuthorizationIdAsync(grantId, cancellationToken);
        }
    }

    public async Task DeleteGrantsAsync(IReadOnlyCollection<string> grantIds, CancellationToken cancellationToken)
    {
        var ids = grantIds.Select(id => Guid.TryParse(id, out var guid) ? guid : Guid.Empty).Where(id => id != Guid.Empty).ToList();
        if (ids.Count == 0)
            return;
        await db.Set<OAuthToken>().Where(t => t.Authorization != null && ids.Contains(t.Authorization.Id)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<OAuthAuthorization>().Where(a => ids.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TokenInfo>> ListTokensAsync(IReadOnlyCollection<string> grantIds, CancellationToken cancellationToken)
    {
        var ids = grantIds.Select(id => Guid.TryParse(id, out var guid) ? guid : Guid.Empty).Where(id => id != Guid.Empty).ToList();
        if (ids.Count == 0)
            return [];
        var rows = await db.Set<OAuthToken>().AsNoTracking()
            .Where(t => t.Authorization != null && ids.Contains(t.Authorization.Id))
            .OrderBy(t => t.CreationDate)
            .Select(t => new { t.Id, GrantId = t.Authorization!.Id, GrantStatus = t.Authorization.Status, t.Type, t.Status, t.CreationDate, t.ExpirationDate })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new TokenInfo(
            r.Id.ToString(),
            r.GrantId.ToString(),
            r.Type ?? "unknown",
            EffectiveStatus(r.Status, r.GrantStatus, r.ExpirationDate),
            Utc(r.CreationDate),
            Utc(r.ExpirationDate))).ToList();
    }

    public async Task<string?> FindGrantOfTokenAsync(string tokenId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(tokenId, out var id))
            return null;
        var grant = await db.Set<OAuthToken>().AsNoTracking().Where(t => t.Id == id)
            .Select(t => t.Authorization == null ? (Guid?)null : t.Authorization.Id).FirstOrDefaultAsync(cancellationToken);
        return grant?.ToString();
    }

    /// <summary>What the token is worth now. A token of a revoked grant is revoked whatever its own row says: OpenIddict
    /// checks the grant on every use, and a token issued in the same instant as the grant's revocation (a code replayed
    /// while its first redemption was still writing tokens) can outlive the revocation's update of the token rows.</summary>
    private string EffectiveStatus(string? status, string? grantStatus, DateTime? expires) => status switch
    {
        Statuses.Valid when grantStatus is not Statuses.Valid => Statuses.Revoked,
        Statuses.Valid when expires is { } e && Utc(e) <= clock.GetUtcNow() => "expired",
        _ => status ?? "unknown",
    };

    private static DateTimeOffset? Utc(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}
