using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using Mediator;

namespace AlexaLinkHub.Application.UserImports;

/// <summary>Sent by the import job when applying a chunk failed unexpectedly: the import stops, reported as failed.</summary>
public sealed record FailUserImport(Guid ImportId) : ICommand, IPlatformAdminRequest;

public sealed class FailUserImportHandler(IUserImportRepository imports, IAuditLog audit, TimeProvider clock) : ICommandHandler<FailUserImport>
{
    public async ValueTask<Unit> Handle(FailUserImport command, CancellationToken cancellationToken)
    {
        if (await imports.FindAsync(command.ImportId, cancellationToken) is not { IsFinished: false } import)
            return Unit.Value;
        import.Fail(null, null, "The import stopped because of an internal error. Rows already applied stay; run the file again to finish (nothing is duplicated).", clock.GetUtcNow());
        audit.Record(AuditActions.UsersImportFinished, AuditTarget.UserImport(import.Id), ImportAudit.Summary(import));
        return Unit.Value;
    }
}
