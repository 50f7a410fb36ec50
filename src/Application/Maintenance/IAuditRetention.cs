namespace AlexaLinkHub.Application.Maintenance;

public interface IAuditRetention
{
    /// <summary>Deletes audit events (of every tenant in the platform scope) that occurred before <paramref name="cutoff"/>.</summary>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
