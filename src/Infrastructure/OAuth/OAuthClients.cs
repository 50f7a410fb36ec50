using System.Collections.Concurrent;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Domain.Skills;
using AlexaLinkHub.Infrastructure.Caching;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.Infrastructure.Persistence.Repositories;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Infrastructure.OAuth;

/// <summary>The enabled skills of each tenant as OAuth clients, kept in memory between requests: a skill backend
/// authenticates on every introspection, and its skill changes rarely. An entry is used while neither the skill nor its
/// tenant has changed since it was read (<see cref="ChangeClock"/>); the skill is read-only here (a detached copy).</summary>
public sealed class OAuthClients(ChangeClock clock, TimeProvider time, ConsoleClientCredentials console)
{
    private readonly ConcurrentDictionary<(Guid Tenant, string ClientId), (Skill Skill, long ReadAt)> _clients = new();

    /// <summary>The enabled skill of the tenant in scope whose client id this is: one this request already tracks, else
    /// the one kept here, else one indexed query. The OAuth server asks several times per request, then the
    /// authorization page and the link command: one read serves them all, and the next request too.</summary>
    internal async ValueTask<Skill?> FindAsync(AppDbContext db, string clientId, CancellationToken cancellationToken)
    {
        foreach (var tracked in db.Skills.Local)
        {
            if (tracked.Enabled && string.Equals(tracked.ClientId, clientId, StringComparison.Ordinal))
                return tracked;
        }
        return db.CurrentTenantId is { } tenantId && !db.IsPlatformScope
            ? await FindAsync(db, tenantId, clientId, cancellationToken)
            : await db.FindClientAsync(s => s.ClientId == clientId, cancellationToken);
    }

    /// <summary>The enabled skill of the tenant whose client id this is, from memory or by one indexed query.</summary>
    internal async ValueTask<Skill?> FindAsync(AppDbContext db, Guid tenantId, string clientId, CancellationToken cancellationToken)
    {
        var key = (tenantId, clientId);
        if (_clients.TryGetValue(key, out var known) && clock.IsCurrent(known.ReadAt, known.Skill.Id, tenantId))
            return known.Skill;
        var readAt = clock.Now;
        var skill = await db.Skills.AsNoTracking().Clients().FirstOrDefaultAsync(s => s.ClientId == clientId, cancellationToken);
        if (skill is null)
            _clients.TryRemove(key, out _);
        else if (_clients.Count < TokenAnswers.DefaultCapacity)
            _clients[key] = (skill, readAt);
        return skill;
    }

    /// <summary>A client secret is checked against the SHA-256 we store, for each secret the skill accepts now (its
    /// current one, and the previous one during a rotation overlap); the console's own short-lived credential for a
    /// test is accepted too (<see cref="ConsoleClientCredentials"/>).</summary>
    public bool Accepts(Skill skill, string? secret) =>
        !string.IsNullOrEmpty(secret)
        && (skill.SecretHashesAcceptedAt(time.GetUtcNow()).Any(hash => SecretTokens.Matches(secret, hash)) || console.Accepts(skill, secret));
}
