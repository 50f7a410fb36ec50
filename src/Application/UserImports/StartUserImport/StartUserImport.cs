using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Users;
using Mediator;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.UserImports;

/// <summary>Receives an import file as it streams in and stages it in the database chunk by chunk (each chunk its own
/// short save), then queues the job that applies it. A CSV header is checked at once; a failure of the upload itself
/// marks the import failed and drops what was staged.</summary>
public sealed record StartUserImport : ICommand<UserImportDto>, ITenantAdminRequest, IStepwiseCommand
{
    public required UserImportFormat Format { get; init; }
    public bool DryRun { get; init; }
    public required Stream Content { get; init; }
}

public sealed class StartUserImportHandler(
    IUserImportRepository imports,
    IUserImportStaging staging,
    IUnitOfWork unitOfWork,
    ITenantContext scope,
    ICurrentActor actor,
    IAuditLog audit,
    IOptions<UserImportOptions> options,
    TimeProvider clock) : ICommandHandler<StartUserImport, UserImportDto>
{
    public async ValueTask<UserImportDto> Handle(StartUserImport command, CancellationToken cancellationToken)
    {
        var tenantId = scope.RequiredTenantId;
        var import = UserImport.Start(tenantId, command.Format, command.DryRun, actor.Name, clock.GetUtcNow());
        imports.Add(import);
        audit.Record(AuditActions.UsersImportStarted, AuditTarget.UserImport(import.Id),
            AuditDetails.Of("format", UserImportDto.From(import).Format).And("dryRun", command.DryRun));
        await unitOfWork.SaveChangesAsync(cancellationToken);

        try
        {
            await foreach (var piece in ImportChunker.ReadAsync(command.Content, command.Format, options.Value, cancellationToken))
            {
                switch (piece)
                {
                    case ImportHeader header when CsvRows.ReadHeader(header.Text).Problem is { } problem:
                        import.Fail(problem.Line, problem.Field, problem.Message, clock.GetUtcNow());
                        break;
                    case ImportHeader header:
                        import.SetCsvHeader(header.Text!);
                        break;
                    case ImportRefusedLine refused:
                        import.RowRefused(refused.Line, null, refused.Message);
                        break;
                    case ImportChunk chunk:
                        staging.AddChunk(tenantId, import.Id, import.ChunkCount, chunk);
                        import.ChunkStaged(chunk.Rows);
                        await unitOfWork.SaveChangesAsync(cancellationToken);
                        staging.ForgetSavedChunks();
                        break;
                }
                if (import.IsFinished)
                    break;
            }
        }
        catch (Exception) when (!import.IsFinished)
        {
            staging.ForgetSavedChunks();
            import.Fail(null, null, "The upload was interrupted before the whole file arrived; nothing was imported. Send the file again.", clock.GetUtcNow());
            await unitOfWork.SaveChangesAsync(CancellationToken.None);
            await staging.DeleteFinishedAsync(CancellationToken.None);
            throw;
        }

        if (!import.IsFinished && command.Format == UserImportFormat.Csv && import.CsvHeader is null)
            import.Fail(1, null, "The file is empty: a CSV import starts with a header row naming its columns.", clock.GetUtcNow());
        if (!import.IsFinished)
            import.Queue(clock.GetUtcNow());
        if (import.IsFinished)
            audit.Record(AuditActions.UsersImportFinished, AuditTarget.UserImport(import.Id), ImportAudit.Summary(import));
        return UserImportDto.From(import);
    }
}
