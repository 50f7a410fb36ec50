using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Domain.Links;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Infrastructure.Persistence.Repositories;

internal sealed class AccountLinkRepository(AppDbContext db) : IAccountLinkRepository
{
    public async Task<IReadOnlyList<AccountLink>> ListActiveAsync(Guid userId, Guid? skillId, CancellationToken cancellationToken) =>
        await db.AccountLinks
            .Where(l => l.UserId == userId && l.RevokedAt == null && (skillId == null || l.SkillId == skillId))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<AccountLink>> ListActiveForSkillAsync(Guid skillId, CancellationToken cancellationToken) =>
        await db.AccountLinks.Where(l => l.SkillId == skillId && l.RevokedAt == null).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<AccountLink>> ListActiveForTenantAsync(CancellationToken cancellationToken) =>
        await db.AccountLinks.Where(l => l.RevokedAt == null).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<AccountLink>> ListForUserAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.AccountLinks.AsNoTracking().Where(l => l.UserId == userId).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<AccountLink>> ListLiveTestLinksMadeBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var utc = before.ToUniversalTime();
        return await db.AccountLinks.Where(l => l.IsTest && l.RevokedAt == null && l.LinkedAt < utc).ToListAsync(cancellationToken);
    }

    public Task<AccountLink?> FindByGrantAsync(string grantId, CancellationToken cancellationToken) =>
        db.AccountLinks.FirstOrDefaultAsync(l => l.GrantId == grantId, cancellationToken);

    public void Add(AccountLink link) => db.AccountLinks.Add(link);
}
