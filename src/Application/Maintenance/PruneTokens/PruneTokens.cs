using AlexaLinkHub.Application.Common.Interfaces;
using Mediator;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.Maintenance;

/// <summary>The daily pruning job's command: in the platform scope, so every tenant's tokens are pruned.</summary>
public sealed record PruneTokens : ICommand<PruneResult>, IPlatformAdminRequest;

public sealed class PruneTokensHandler(ITokenPruning pruning, IOptions<TokenPruningOptions> options, TimeProvider clock)
    : ICommandHandler<PruneTokens, PruneResult>
{
    public async ValueTask<PruneResult> Handle(PruneTokens command, CancellationToken cancellationToken) =>
        await pruning.PruneAsync(clock.GetUtcNow() - options.Value.PruneAfter, cancellationToken);
}
