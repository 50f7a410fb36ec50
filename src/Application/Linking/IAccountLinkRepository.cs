using AlexaLinkHub.Domain.Links;

namespace AlexaLinkHub.Application.Linking;

/// <summary>Account links of the tenant in scope.</summary>
public interface IAccountLinkRepository
{
    Task<IReadOnlyList<AccountLink>> ListActiveAsync(Guid userId, Guid? skillId, CancellationToken cancellationToken);

    Task<IReadOnlyList<AccountLink>> ListActiveForSkillAsync(Guid skillId, CancellationToken cancellationToken);

    /// <summary>Every live link of the tenant in scope.</summary>
    Task<IReadOnlyList<AccountLink>> ListActiveForTenantAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<AccountLink>> ListForUserAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>The live console test links made before <paramref name="before"/>.</summary>
    Task<IReadOnlyList<AccountLink>> ListLiveTestLinksMadeBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);

    Task<AccountLink?> FindByGrantAsync(string grantId, CancellationToken cancellationToken);

    void Add(AccountLink link);
}
