using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.Users;

public enum UserImportFormat
{
    Ndjson,
    Csv,
}

public enum UserImportStatus
{
    /// <summary>The file is being received and staged in the database, chunk by chunk.</summary>
    Receiving,

    /// <summary>Staged whole; its job is queued.</summary>
    Queued,

    Running,
    Completed,

    /// <summary>The import as a whole could not go on (an unreadable header, an interrupted upload, an internal error).
    /// Rows with errors do not fail an import: they are counted and reported.</summary>
    Failed,
}

/// <summary>One bulk import of a vendor's customers. The file is staged in chunks of rows; a background job applies one
/// chunk at a time (any instance may run it), and this row keeps the progress, the first <see cref="MaxErrors"/> row
/// errors and a lease so that two workers never apply the same chunk.</summary>
public sealed class UserImport : ITenantOwned
{
    public const int MaxErrors = 100;
    public const int MaxMessageLength = 300;

    private readonly List<UserImportError> _errors = [];

    private UserImport()
    {
        RequestedBy = null!;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public UserImportFormat Format { get; private set; }
    public bool DryRun { get; private set; }
    public UserImportStatus Status { get; private set; }

    /// <summary>The actor who uploaded the file (audit name, e.g. <c>api-key:alh_ab12cd34</c>).</summary>
    public string RequestedBy { get; private set; }

    /// <summary>A CSV file's header line (the column names), needed to read every chunk.</summary>
    public string? CsvHeader { get; private set; }

    /// <summary>Rows staged (blank lines and the header excluded).</summary>
    public long Total { get; private set; }
    public int ChunkCount { get; private set; }
    public int NextChunk { get; private set; }

    public long Read { get; private set; }
    public long Created { get; private set; }
    public long Updated { get; private set; }
    public long Failed { get; private set; }
    public IReadOnlyList<UserImportError> Errors => _errors;

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? QueuedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    public Guid? LeaseId { get; private set; }
    public DateTimeOffset? LeaseUntil { get; private set; }

    /// <summary>Changes with every change of the row (a concurrency token): of two workers that raced past the lease,
    /// only the first one's chunk is stored.</summary>
    public int Revision { get; private set; }

    public bool IsFinished => Status is UserImportStatus.Completed or UserImportStatus.Failed;

    public static UserImport Start(Guid tenantId, UserImportFormat format, bool dryRun, string requestedBy, DateTimeOffset now) =>
        tenantId == Guid.Empty
            ? throw new DomainException("An import belongs to a tenant.")
            : new UserImport
            {
                Id = Guid.CreateVersion7(now),
                TenantId = tenantId,
                Format = format,
                DryRun = dryRun,
                Status = UserImportStatus.Receiving,
                RequestedBy = Guard.Text(requestedBy, "Requested by", 200),
                CreatedAt = now,
            };

    public void SetCsvHeader(string header)
    {
        EnsureStatus(UserImportStatus.Receiving);
        if (Format != UserImportFormat.Csv)
            throw new DomainException("Only a CSV import has a header.");
        CsvHeader = header;
        Revision++;
    }

    /// <summary>One more chunk of <paramref name="rows"/> rows is staged.</summary>
    public void ChunkStaged(int rows)
    {
        EnsureStatus(UserImportStatus.Receiving);
        ChunkCount++;
        Total += rows;
        Revision++;
    }

    /// <summary>A row refused while the file was received (e.g. a line too long to stage): read and failed at once.</summary>
    public void RowRefused(long line, string? field, string message)
    {
        EnsureStatus(UserImportStatus.Receiving);
        Read++;
        Failed++;
        AddError(line, field, message);
        Revision++;
    }

    /// <summary>The whole file is staged: the job may start. An empty file is done at once.</summary>
    public void Queue(DateTimeOffset now)
    {
        EnsureStatus(UserImportStatus.Receiving);
        Status = ChunkCount == 0 ? UserImportStatus.Completed : UserImportStatus.Queued;
        QueuedAt = now;
        if (ChunkCount == 0)
            CompletedAt = now;
        Revision++;
    }

    /// <summary>Takes (or renews) the right to apply the next chunk until <c>now + duration</c>. False when the import is
    /// finished, not staged yet, or another worker's lease is still running.</summary>
    public bool TryLease(Guid leaseId, DateTimeOffset now, TimeSpan duration)
    {
        if (IsFinished || Status == UserImportStatus.Receiving)
            return false;
        if (LeaseId is { } holder && holder != leaseId && LeaseUntil > now)
            return false;
        LeaseId = leaseId;
        LeaseUntil = now + duration;
        StartedAt ??= now;
        Status = UserImportStatus.Running;
        Revision++;
        return true;
    }

    /// <summary>The outcome of the chunk <see cref="NextChunk"/>; the last one completes the import.</summary>
    public void ChunkApplied(int read, int created, int updated, int failed, IEnumerable<(long Line, string? Field, string Message)> errors, DateTimeOffset now)
    {
        EnsureStatus(UserImportStatus.Running);
        if (read < 0 || created < 0 || updated < 0 || failed < 0 || created + updated + failed != read)
            throw new DomainException("Every row read is created, updated or failed.");
        Read += read;
        Created += created;
        Updated += updated;
        Failed += failed;
        foreach (var (line, field, message) in errors)
            AddError(line, field, message);
        NextChunk++;
        if (NextChunk >= ChunkCount)
        {
            Status = UserImportStatus.Completed;
            CompletedAt = now;
            LeaseId = null;
            LeaseUntil = null;
        }
        Revision++;
    }

    /// <summary>Stops the import for a reason that concerns it as a whole; rows already applied stay applied (running it
    /// again updates them, never duplicates them).</summary>
    public void Fail(long? line, string? field, string message, DateTimeOffset now)
    {
        if (IsFinished)
            return;
        Status = UserImportStatus.Failed;
        CompletedAt = now;
        LeaseId = null;
        LeaseUntil = null;
        AddError(line, field, message);
        Revision++;
    }

    private void AddError(long? line, string? field, string message)
    {
        if (_errors.Count >= MaxErrors)
            return;
        var text = message.Length > MaxMessageLength ? message[..MaxMessageLength] : message;
        _errors.Add(new UserImportError(_errors.Count + 1, line, field, text));
    }

    private void EnsureStatus(UserImportStatus expected)
    {
        if (Status != expected)
            throw new DomainException($"The import is {Status.ToString().ToLowerInvariant()}, not {expected.ToString().ToLowerInvariant()}.");
    }
}

/// <summary>A row the import could not apply: its 1-based physical line in the file (a CSV header is line 1), the
/// field at fault (null for the whole row) and why (no line: the import as a whole) — never the value itself (it may be a password hash).</summary>
public sealed class UserImportError
{
    private UserImportError()
    {
        Message = null!;
    }

    public UserImportError(int number, long? line, string? field, string message)
    {
        Number = number;
        Line = line;
        Field = field;
        Message = message;
    }

    public int Number { get; private set; }
    public long? Line { get; private set; }
    public string? Field { get; private set; }
    public string Message { get; private set; }
}
