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

    public Task<Page<EndUser>> SearchAsync(string? search, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.EndUsers.AsNoTracking().Where(u => u.ErasedAt == null);
        if (!string.IsNullOrEmpty(search))
        {
            var upper = search.ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail.Contains(upper) || u.DisplayName.ToUpper().Contains(upper));
        }
        return query.OrderBy(u => u.NormalizedEmail).ToPageAsync(page, pageSize, cancellationToken);
    }

    public async Task<IReadOnlyList<EndUser>> FindForImportAsync(IReadOnlyCollection<string> externalIds, IReadOnlyCollection<string> normalizedEmails, bool track, CancellationToken cancellationToken)
    {
        // Two indexed lookups rather than one OR, which SQLite would answer with a scan of the tenant's users. Each list is
        // one array parameter (json_each / = ANY), not a thousand scalar ones: binding those, and generating SQL for each
        // new count, cost more than the lookup itself.
        var users = track ? db.EndUsers : db.EndUsers.AsNoTracking();
        // The tenant filter is an OR (platform scope or this tenant) that SQLite cannot match to the (TenantId, …) unique
        // indexes: without the tenant stated once more, every chunk scanned all users of every tenant.
        if (db.CurrentTenantId is { } tenantId)
            users = users.Where(u => u.TenantId == tenantId);
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
