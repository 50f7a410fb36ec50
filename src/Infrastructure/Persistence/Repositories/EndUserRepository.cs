using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Infrastructure.Persistence.Repositories;

internal sealed class EndUserRepository(AppDbContext db) : IEndUserRepository
{
    // By key: the user the request already read (with its token, TokenStore) is not read again.
    public async Task<EndUser?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        await db.EndUsers.FindAsync([id], cancellationToken) is { IsErased: false } user ? user : null;

    public Task<EndUser?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = EmailAddress.Normalize(email);
        return db.EndUsers.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized && u.ErasedAt == null, cancellationToken);
    }

    public Task<bool> ExternalIdExistsAsync(string externalId, CancellationToken cancellationToken) =>
        db.EndUsers.AnyAsync(u => u.ExternalId == externalId, cancellationToken);

    public Task<EndUser?> FindByExternalIdAsync(string externalId, CancellationToken cancellationToken) =>
        db.EndUsers.AsNoTracking().FirstOrDefaultAsync(u => u.ExternalId == externalId && u.ErasedAt == null, cancellationToken);

    public async Task<KeysetRows<EndUser>> ListByEmailAsync(string? normalizedPrefix, KeysetRead<string> read, CancellationToken cancellationToken)
    {
        var query = ByEmail(normalizedPrefix);
        if (read.From is { } from)
            query = read.Backward ? query.Where(u => string.Compare(u.NormalizedEmail, from) < 0) : query.Where(u => string.Compare(u.NormalizedEmail, from) > 0);
        query = read.Backward ? query.OrderByDescending(u => u.NormalizedEmail) : query.OrderBy(u => u.NormalizedEmail);
        if (read.Skip > 0)
            query = query.Skip(read.Skip);
        return KeysetRows<EndUser>.Of(await query.Take(read.Size + 1).ToListAsync(cancellationToken), read.Size, read.Backward);
    }

    public Task<int> CountByEmailAsync(string? normalizedPrefix, int limit, CancellationToken cancellationToken) =>
        ByEmail(normalizedPrefix).Take(limit).CountAsync(cancellationToken);

    // A prefix is a range of the (TenantId, NormalizedEmail) index: the column is ordered by code point on every provider
    // (binary collation, see the provider contexts), so "starts with P" is exactly P <= email < P with its last character
    // incremented. LIKE would not do: SQLite uses an index for it only under NOCASE collation.
    private IQueryable<EndUser> ByEmail(string? normalizedPrefix)
    {
        var query = db.EndUsers.AsNoTracking().Where(u => u.ErasedAt == null);
        if (string.IsNullOrEmpty(normalizedPrefix))
            return query;
        query = query.Where(u => string.Compare(u.NormalizedEmail, normalizedPrefix) >= 0);
        var last = normalizedPrefix[^1];
        if (char.IsSurrogate(last) || last == char.MaxValue)
            return query.Where(u => u.NormalizedEmail.StartsWith(normalizedPrefix));
        var end = normalizedPrefix[..^1] + (char)(last + 1);
        return query.Where(u => string.Compare(u.NormalizedEmail, end) < 0);
    }

    public async Task<IReadOnlyList<EndUser>> FindForImportAsync(IReadOnlyCollection<string> externalIds, IReadOnlyCollection<string> normalizedEmails, bool track, CancellationToken cancellationToken)
    {
        // Two indexed lookups rather than one OR, which SQLite would answer with a scan of the tenant's users. Each list is
        // one array parameter (json_each / = ANY), not a thousand scalar ones: binding those, and generating SQL for each
        // new count, cost more than the lookup itself.
        var users = track ? db.EndUsers : db.EndUsers.AsNoTracking();
        var emails = normalizedEmails.ToArray();
        var byEmail = await users.Where(u => EF.Parameter(emails).Contains(u.NormalizedEmail) && u.ErasedAt == null).ToListAsync(cancellationToken);
        if (externalIds.Count == 0)
            return byEmail;
        var ids = externalIds.ToArray();
        var byExternalId = await users.Where(u => u.ExternalId != null && EF.Parameter(ids).Contains(u.ExternalId) && u.ErasedAt == null).ToListAsync(cancellationToken);
        return byEmail.Concat(byExternalId).DistinctBy(u => u.Id).ToList();
    }

    public void Add(EndUser user) => db.EndUsers.Add(user);

    public void AddInBulk(EndUser user)
    {
        if (db.SupportsBulkInsert)
            db.PendingBulkInserts.Add(user);
        else
            db.EndUsers.Add(user);
    }
}
