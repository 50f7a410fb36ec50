using AlexaLinkHub.Domain.Users;

namespace AlexaLinkHub.Application.UserImports;

/// <summary>Imports of the tenant in scope (in the platform scope: of every tenant).</summary>
public interface IUserImportRepository
{
    void Add(UserImport import);

    /// <summary>Tracked, with its errors.</summary>
    Task<UserImport?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Newest first, without tracking.</summary>
    Task<IReadOnlyList<UserImport>> ListRecentAsync(int max, CancellationToken cancellationToken);

    /// <summary>Imports that are not completed or failed, tracked.</summary>
    Task<IReadOnlyList<UserImport>> ListUnfinishedAsync(CancellationToken cancellationToken);
}

/// <summary>Where an upload waits for its job: in the shared database, so the job may run on any instance of the fleet
/// (never in a local file of the instance that received it). Chunks are removed as they are applied; a dry run keeps
/// "shadows" of the users it would have created, so a later row of the same file finds them.</summary>
public interface IUserImportStaging
{
    void AddChunk(Guid tenantId, Guid importId, int sequence, ImportChunk chunk);

    /// <summary>Lets go of chunks already saved, so their bytes do not stay in memory for the rest of the upload.</summary>
    void ForgetSavedChunks();

    Task<StagedChunk?> FindChunkAsync(Guid importId, int sequence, CancellationToken cancellationToken);

    /// <summary>Removes the chunk with the next save (it has been applied).</summary>
    void RemoveChunk(StagedChunk chunk);

    Task<IReadOnlyList<ImportShadow>> FindShadowsAsync(Guid importId, IReadOnlyCollection<string> externalIds, IReadOnlyCollection<string> normalizedEmails, CancellationToken cancellationToken);

    void AddShadow(Guid tenantId, Guid importId, ImportShadow shadow);

    /// <summary>Deletes, now, whatever is still staged for imports that are finished (in the scope).</summary>
    Task<int> DeleteFinishedAsync(CancellationToken cancellationToken);
}

public sealed record StagedChunk(Guid ImportId, int Sequence, long FirstLine, int Rows, byte[] Data);

/// <summary>A user a dry run would have created.</summary>
public sealed record ImportShadow(string? ExternalId, string NormalizedEmail);
