using AlexaLinkHub.Application.Common.Interfaces;
using Mediator;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.Maintenance;

/// <summary>The daily pruning job's command: in the platform scope, so every tenant's tokens are pruned; then the
/// signing keys that nothing valid was signed with any more.</summary>
public sealed record PruneTokens : ICommand<PruneResult>, IPlatformAdminRequest;

public sealed class PruneTokensHandler(ITokenPruning pruning, Platform.ISigningKeys keys, IOptions<TokenPruningOptions> options, TimeProvider clock)
    : ICommandHandler<PruneTokens, PruneResult>
{
    public async ValueTask<PruneResult> Handle(PruneTokens command, CancellationToken cancellationToken)
    {
        var pruned = await pruning.PruneAsync(clock.GetUtcNow() - options.Value.PruneAfter, cancellationToken);
        return pruned with { SigningKeys = await keys.RetireAsync(cancellationToken) };
    }
}
