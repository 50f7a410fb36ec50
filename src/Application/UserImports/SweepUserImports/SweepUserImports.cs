using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Users;
using Mediator;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.UserImports;

/// <summary>The safety net of imports (every minute, platform-wide): an upload abandoned mid-way is failed, an import
/// whose job was lost (a failed enqueue, a crashed worker whose lease ran out) is handed back to a job, and what is
/// still staged for finished imports is deleted.</summary>
public sealed record SweepUserImports : ICommand<IReadOnlyList<DueDelivery>>, IPlatformAdminRequest;

public sealed class SweepUserImportsHandler(
    IUserImportRepository imports,
    IUserImportStaging staging,
    IAuditLog audit,
    IOptions<UserImportOptions> options,
    TimeProvider clock) : ICommandHandler<SweepUserImports, IReadOnlyList<DueDelivery>>
{
    /// <summary>An import's own job (enqueued when its upload is complete) normally starts within this.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    public async ValueTask<IReadOnlyList<DueDelivery>> Handle(SweepUserImports command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = new List<DueDelivery>();
        foreach (var import in await imports.ListUnfinishedAsync(cancellationToken))
        {
            if (import.Status == UserImportStatus.Receiving && import.CreatedAt < now - options.Value.UploadTimeout)
            {
                import.Fail(null, null, "The upload did not finish; nothing was imported. Send the file again.", now);
                audit.Record(AuditActions.UsersImportFinished, AuditTarget.UserImport(import.Id), ImportAudit.Summary(import), import.TenantId);
            }
            else if (import.Status != UserImportStatus.Receiving && (import.LeaseUntil ?? import.QueuedAt + Grace) < now)
            {
                due.Add(new DueDelivery(import.TenantId, import.Id));
            }
        }
        await staging.DeleteFinishedAsync(cancellationToken);
        return due;
    }
}
