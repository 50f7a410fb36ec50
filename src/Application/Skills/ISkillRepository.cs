using AlexaLinkHub.Domain.Skills;

namespace AlexaLinkHub.Application.Skills;

public interface ISkillRepository
{
    /// <summary>A skill of the tenant in scope.</summary>
    Task<Skill?> FindByClientIdAsync(string clientId, CancellationToken cancellationToken);

    /// <summary>The skill of the tenant in scope acting as an OAuth client: an enabled one, the same rule the OAuth
    /// server's client store applies. Null for an unknown or disabled skill.</summary>
    Task<Skill?> FindClientAsync(string clientId, CancellationToken cancellationToken);

    /// <summary>Whether any tenant uses this client_id (client ids are globally unique).</summary>
    Task<bool> ClientIdExistsAsync(string clientId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Skill>> ListAsync(CancellationToken cancellationToken);

    void Add(Skill skill);
}
