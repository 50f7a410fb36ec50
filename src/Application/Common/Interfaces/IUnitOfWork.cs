namespace AlexaLinkHub.Application.Common.Interfaces;

/// <summary>One database transaction around a command: everything it changes (its audit event included) is saved
/// together or not at all.</summary>
public interface IUnitOfWork
{
    bool HasActiveTransaction { get; }

    Task BeginTransactionAsync(CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);

    Task RollbackAsync(CancellationToken cancellationToken);

    Task SaveChangesAsync(CancellationToken cancellationToken);
}
