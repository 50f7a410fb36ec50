using AlexaLinkHub.Domain.Users;

namespace AlexaLinkHub.Application.UserImports;

/// <summary>An import's progress and report. <see cref="Status"/> is <c>running</c> (receiving, queued or applying),
/// <c>completed</c> or <c>failed</c>; in a dry run <see cref="Created"/> and <see cref="Updated"/> say what a real run
/// would do. <see cref="Total"/> is the number of rows staged so far.</summary>
public sealed record UserImportDto(
    Guid Id,
    string Status,
    bool DryRun,
    string Format,
    long Total,
    long Read,
    long Created,
    long Updated,
    long Failed,
    IReadOnlyList<UserImportErrorDto> Errors,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt)
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string FailedStatus = "failed";

    public static UserImportDto From(UserImport import) => new(
        import.Id,
        import.Status switch
        {
            UserImportStatus.Completed => Completed,
            UserImportStatus.Failed => FailedStatus,
            _ => Running,
        },
        import.DryRun,
        import.Format == UserImportFormat.Csv ? "csv" : "ndjson",
        import.Total,
        import.Read,
        import.Created,
        import.Updated,
        import.Failed,
        import.Errors.OrderBy(e => e.Number).Select(e => new UserImportErrorDto(e.Line, e.Field, e.Message)).ToList(),
        import.CreatedAt,
        import.StartedAt,
        import.CompletedAt);
}

public sealed record UserImportErrorDto(long? Line, string? Field, string Message);
