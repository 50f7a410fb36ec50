using AlexaLinkHub.Application.Common.Interfaces;
using Mediator;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.Maintenance;

/// <summary>Configuration section <c>OAuth</c> (the part the pruning job reads).</summary>
public sealed class TokenPruningOptions
{
    public const string SectionName = "OAuth";

    /// <summary>Revoked, expired or redeemed tokens and ended grants are kept this long after they were created (for
    /// the admin views and investigations), then deleted.</summary>
    public TimeSpan PruneAfter { get; set; } = TimeSpan.FromDays(14);
}

public sealed record PruneResult(long Tokens, long Grants, int SigningKeys = 0);

/// <summary>The OAuth server's store: deletes what can no longer be used.</summary>
public interface ITokenPruning
{
    /// <summary>Deletes tokens that are revoked, redeemed or expired, and grants that are revoked or have no token left —
    /// only those created before <paramref name="threshold"/>. Valid tokens are never touched.</summary>
    Task<PruneResult> PruneAsync(DateTimeOffset threshold, CancellationToken cancellationToken);
}

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
