using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Users;

namespace AlexaLinkHub.Application.UserImports;

internal static class ImportAudit
{
    /// <summary>What the audit trail says about a finished import: counts only, never a row's data.</summary>
    public static AuditDetails Summary(UserImport import) =>
        AuditDetails.Of("status", UserImportDto.From(import).Status).And("dryRun", import.DryRun).And("read", import.Read)
            .And("created", import.Created).And("updated", import.Updated).And("failed", import.Failed);
}
