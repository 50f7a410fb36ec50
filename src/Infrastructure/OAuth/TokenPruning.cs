using AlexaLinkHub.Application.Maintenance;
using OpenIddict.Abstractions;

namespace AlexaLinkHub.Infrastructure.OAuth;

/// <summary>OpenIddict's own pruning: tokens that are revoked, redeemed or expired (or whose grant ended), then grants that
/// are revoked or have no token left — each only when created before the threshold. In the platform scope the tenant
/// filter lets it see every tenant's rows.</summary>
internal sealed class TokenPruning(IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations) : ITokenPruning
{
    public async Task<PruneResult> PruneAsync(DateTimeOffset threshold, CancellationToken cancellationToken)
    {
        var prunedTokens = await tokens.PruneAsync(threshold, cancellationToken);
        var prunedGrants = await authorizations.PruneAsync(threshold, cancellationToken);
        return new PruneResult(prunedTokens, prunedGrants);
    }
}
