using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Domain.Users;

namespace AlexaLinkHub.Application.Users;

/// <summary>End users of the tenant in scope. A deleted (erased) account is not found by any of these.</summary>
public interface IEndUserRepository
{
    Task<EndUser?> FindByIdAsync(Guid id, CancellationToken cancellationToken);

    Task<EndUser?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    Task<bool> ExternalIdExistsAsync(string externalId, CancellationToken cancellationToken);

    Task<EndUser?> FindByExternalIdAsync(string externalId, CancellationToken cancellationToken);

    /// <summary>Users ordered by normalised email (the key of <paramref name="read"/>), all of them or those whose
    /// normalised email starts with <paramref name="normalizedPrefix"/>.</summary>
    Task<KeysetRows<EndUser>> ListByEmailAsync(string? normalizedPrefix, KeysetRead<string> read, CancellationToken cancellationToken);

    /// <summary>How many users <see cref="ListByEmailAsync"/> would list, counting no further than <paramref name="limit"/>.</summary>
    Task<int> CountByEmailAsync(string? normalizedPrefix, int limit, CancellationToken cancellationToken);

    /// <summary>The users (not deleted) with one of these external ids or normalised emails; <paramref name="track"/>:
    /// tracked for changes, or read only.</summary>
    Task<IReadOnlyList<EndUser>> FindForImportAsync(IReadOnlyCollection<string> externalIds, IReadOnlyCollection<string> normalizedEmails, bool track, CancellationToken cancellationToken);

    void Add(EndUser user);

    /// <summary>A new user among many (an import's chunk): stored by the next save like <see cref="Add"/>, in the same
    /// transaction, but — where the database allows — in bulk, without change tracking. Changes made to the object
    /// before that save are stored; changes after it are not seen.</summary>
    void AddInBulk(EndUser user);
}
