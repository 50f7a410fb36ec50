using AlexaLinkHub.Application.LegacySignIns;
using AlexaLinkHub.Application.UserImports;
using AlexaLinkHub.Domain.Users;
using AlexaLinkHub.Infrastructure.Persistence.Staging;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Infrastructure.Persistence.Repositories;

internal sealed class UserImportRepository(AppDbContext db) : IUserImportRepository
{
    public void Add(UserImport import) => db.Add(import);

    public Task<UserImport?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<UserImport>().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    public async Task<IReadOnlyList<UserImport>> ListRecentAsync(int max, CancellationToken cancellationToken) =>
        await db.Set<UserImport>().AsNoTracking().OrderByDescending(i => i.CreatedAt).Take(max).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<UserImport>> ListUnfinishedAsync(CancellationToken cancellationToken) =>
        await db.Set<UserImport>()
            .Where(i => i.Status != UserImportStatus.Completed && i.Status != UserImportStatus.Failed)
            .ToListAsync(cancellationToken);
}

internal sealed class UserImportStaging(AppDbContext db) : IUserImportStaging
{
    public void AddChunk(Guid tenantId, Guid importId, int sequence, ImportChunk chunk) =>
        db.Add(new UserImportChunkRow { TenantId = tenantId, ImportId = importId, Sequence = sequence, FirstLine = chunk.FirstLine, Rows = chunk.Rows, Data = chunk.Data });

    public void ForgetSavedChunks()
    {
        foreach (var entry in db.ChangeTracker.Entries<UserImportChunkRow>().ToList())
            entry.State = EntityState.Detached;
    }

    public async Task<StagedChunk?> FindChunkAsync(Guid importId, int sequence, CancellationToken cancellationToken) =>
        await db.Set<UserImportChunkRow>().AsNoTracking()
            .Where(c => c.ImportId == importId && c.Sequence == sequence)
            .Select(c => new StagedChunk(c.ImportId, c.Sequence, c.FirstLine, c.Rows, c.Data))
            .FirstOrDefaultAsync(cancellationToken);

    // A stub with the key is enough to delete the row; its data need not be read again.
    public void RemoveChunk(StagedChunk chunk) =>
        db.Remove(new UserImportChunkRow { ImportId = chunk.ImportId, Sequence = chunk.Sequence, TenantId = db.CurrentTenantId ?? Guid.Empty });

    public async Task<IReadOnlyList<ImportShadow>> FindShadowsAsync(Guid importId, IReadOnlyCollection<string> externalIds, IReadOnlyCollection<string> normalizedEmails, CancellationToken cancellationToken) =>
        await db.Set<UserImportShadowRow>().AsNoTracking()
            .Where(s => s.ImportId == importId && ((s.ExternalId != null && externalIds.Contains(s.ExternalId)) || normalizedEmails.Contains(s.NormalizedEmail)))
            .Select(s => new ImportShadow(s.ExternalId, s.NormalizedEmail))
            .ToListAsync(cancellationToken);

    public void AddShadow(Guid tenantId, Guid importId, ImportShadow shadow) =>
        db.Add(new UserImportShadowRow { Id = Guid.CreateVersion7(), TenantId = tenantId, ImportId = importId, ExternalId = shadow.ExternalId, NormalizedEmail = shadow.NormalizedEmail });

    public async Task<int> DeleteFinishedAsync(CancellationToken cancellationToken)
    {
        var finished = db.Set<UserImport>().Where(i => i.Status == UserImportStatus.Completed || i.Status == UserImportStatus.Failed).Select(i => i.Id);
        var chunks = await db.Set<UserImportChunkRow>().Where(c => finished.Contains(c.ImportId)).ExecuteDeleteAsync(cancellationToken);
        return chunks + await db.Set<UserImportShadowRow>().Where(s => finished.Contains(s.ImportId)).ExecuteDeleteAsync(cancellationToken);
    }
}

internal sealed class LegacySignInRepository(AppDbContext db) : ILegacySignInRepository
{
    public Task<LegacySignIn?> FindAsync(CancellationToken cancellationToken) =>
        db.Set<LegacySignIn>().FirstOrDefaultAsync(cancellationToken);

    public void Add(LegacySignIn endpoint) => db.Add(endpoint);

    public void Remove(LegacySignIn endpoint) => db.Remove(endpoint);
}
