using AlexaLinkHub.Domain.Users;

namespace AlexaLinkHub.Application.UserImports;

internal static class ImportAudit
{
    /// <summary>What the audit trail says about a finished import: counts only, never a row's data.</summary>
    public static string Summary(UserImport import) =>
        $"status={UserImportDto.From(import).Status}; dryRun={import.DryRun.ToString().ToLowerInvariant()}; read={import.Read}; created={import.Created}; updated={import.Updated}; failed={import.Failed}";
}
