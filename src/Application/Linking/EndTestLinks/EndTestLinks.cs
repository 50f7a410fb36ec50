using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Links;
using Mediator;

namespace AlexaLinkHub.Application.Linking;

/// <summary>The minutely job's command: every console test link older than <see cref="AccountLink.TestLifetime"/> ends,
/// in the platform scope (every tenant), the one way links end (<see cref="LinkRevocation"/>: grant and tokens revoked
/// at once, audited in the link's tenant).</summary>
public sealed record EndTestLinks : ICommand<int>, IPlatformAdminRequest;

public sealed class EndTestLinksHandler(IAccountLinkRepository links, LinkRevocation revocation, TimeProvider clock) : ICommandHandler<EndTestLinks, int>
{
    public async ValueTask<int> Handle(EndTestLinks command, CancellationToken cancellationToken)
    {
        var expired = await links.ListLiveTestLinksMadeBeforeAsync(clock.GetUtcNow() - AccountLink.TestLifetime, cancellationToken);
        return await revocation.RevokeAsync(expired, LinkRevocationReasons.TestExpired, cancellationToken);
    }
}
