using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Users;
using Mediator;

namespace AlexaLinkHub.Application.UserImports;

public enum ChunkResult
{
    /// <summary>A chunk was applied; more follow.</summary>
    Applied,

    /// <summary>The import is completed or failed (now or before).</summary>
    Finished,

    /// <summary>Another worker holds the import's lease.</summary>
    Busy,

    NotFound,
}

/// <summary>Applies the next staged chunk of an import (sent by the import job, under a lease). Everything the chunk
/// changes — users created and updated, the chunk removed, the progress — is stored by one SaveChanges: slow work
/// (lookups, hashing a plaintext password) happens first, outside any transaction, and a concurrent writer that took a
/// key in between makes the save fail as a whole (the job then retries the chunk).</summary>
public sealed record ApplyUserImportChunk(Guid ImportId, Guid LeaseId) : ICommand<ChunkResult>, IPlatformAdminRequest, ISingleSaveCommand;

public sealed class ApplyUserImportChunkHandler(
    IUserImportRepository imports,
    IUserImportStaging staging,
    IEndUserRepository users,
    IForeignPasswordHashes hashes,
    IPasswordHasher hasher,
    IAuditLog audit,
    TimeProvider clock) : ICommandHandler<ApplyUserImportChunk, ChunkResult>
{
    /// <summary>Far longer than one chunk takes; a crashed worker's import is taken over after it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public async ValueTask<ChunkResult> Handle(ApplyUserImportChunk command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var import = await imports.FindAsync(command.ImportId, cancellationToken);
        if (import is null)
            return ChunkResult.NotFound;
        if (!import.TryLease(command.LeaseId, now, Lease))
            return import.IsFinished ? ChunkResult.Finished : ChunkResult.Busy;

        var chunk = await staging.FindChunkAsync(import.Id, import.NextChunk, cancellationToken);
        if (chunk is null)
        {
            import.Fail(null, null, "A staged part of the file is missing; run the import again (nothing is duplicated).", now);
            return Finish(import);
        }

        var errors = new List<RowError>();
        var rows = ReadRows(import, chunk).Select(row => RowRules.Check(row, hashes, errors)).ToList();
        var valid = rows.OfType<ValidRow>().ToList();
        var externalIds = valid.Where(r => r.ExternalId is not null).Select(r => r.ExternalId!).Distinct(StringComparer.Ordinal).ToList();
        var emails = valid.Select(r => r.NormalizedEmail).Distinct(StringComparer.Ordinal).ToList();
        var people = new ImportPeople(
            await users.FindForImportAsync(externalIds, emails, track: !import.DryRun, cancellationToken),
            import.DryRun ? await staging.FindShadowsAsync(import.Id, externalIds, emails, cancellationToken) : []);

        int created = 0, updated = 0;
        foreach (var row in valid)
        {
            var match = people.Match(row);
            if (match.Conflict is not null)
            {
                errors.Add(new RowError(row.Line, match.ConflictField, match.Conflict));
                continue;
            }
            if (match.Creates)
            {
                created++;
                people.Add(Create(import, row));
                continue;
            }
            updated++;
            if (!import.DryRun)
                match.Person!.User!.ApplyImport(row.Email, row.DisplayName, row.ExternalId, row.EmailVerified, ImportedHash(row));
            people.Moved(match.Person!, row);
        }

        staging.RemoveChunk(chunk);
        var failed = rows.Count - created - updated;
        import.ChunkApplied(rows.Count, created, updated, failed, errors.Select(e => (e.Line ?? chunk.FirstLine, e.Field, e.Message)), clock.GetUtcNow());
        return Finish(import);
    }

    private ImportPerson Create(UserImport import, ValidRow row)
    {
        if (import.DryRun)
        {
            staging.AddShadow(import.TenantId, import.Id, new ImportShadow(row.ExternalId, row.NormalizedEmail));
            return new ImportPerson(null, row.ExternalId, row.NormalizedEmail);
        }
        var user = EndUser.Import(import.TenantId, row.Email, row.DisplayName, row.ExternalId, row.EmailVerified ?? false, ImportedHash(row), clock.GetUtcNow());
        users.AddInBulk(user);
        return new ImportPerson(user, user.ExternalId, user.NormalizedEmail);
    }

    // A plaintext password in the file is hashed with ours at once (it is still "imported": a re-import may replace it).
    private string? ImportedHash(ValidRow row) => row.PasswordHash ?? (row.Password is { } password ? hasher.Hash(password) : null);

    private ChunkResult Finish(UserImport import)
    {
        if (!import.IsFinished)
            return ChunkResult.Applied;
        audit.Record(AuditActions.UsersImportFinished, AuditTarget.UserImport(import.Id), ImportAudit.Summary(import));
        return ChunkResult.Finished;
    }

    private static IEnumerable<ImportRow> ReadRows(UserImport import, StagedChunk chunk)
    {
        var columns = import.Format == UserImportFormat.Csv ? CsvRows.ReadHeader(import.CsvHeader).Columns : [];
        foreach (var (line, bytes) in ChunkRecords.Split(chunk.Data, chunk.FirstLine, import.Format))
            yield return import.Format == UserImportFormat.Csv ? CsvRows.Read(line, bytes.Span, columns) : NdjsonRows.Read(line, bytes.Span);
    }
}
