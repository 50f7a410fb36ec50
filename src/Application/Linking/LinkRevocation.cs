using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Webhooks;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Links;
using AlexaLinkHub.Domain.Webhooks;

namespace AlexaLinkHub.Application.Linking;

/// <summary>The one way links end: their grants and tokens are revoked at once, each link is marked revoked and an
/// audit event and a webhook event (account.unlinked or token.revoked; none for a console test link) say why. Used by every revocation use case.</summary>
public sealed class LinkRevocation(IOAuthGrants grants, IAuditLog audit, WebhookPublisher webhooks, Common.Tenancy.ITenantContext scope, TimeProvider clock)
{
    public async Task<int> RevokeAsync(IReadOnlyCollection<AccountLink> links, string reason, CancellationToken cancellationToken, string action = AuditActions.TokenRevoked)
    {
        var live = links.Where(l => l.IsActive).ToList();
        if (live.Count == 0)
            return 0;
        await grants.RevokeGrantsAsync(live.Select(l => l.GrantId).ToList(), cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var link in live)
        {
            link.Revoke(now, reason);
            Common.Telemetry.LinkHubMetrics.TokensRevoked(scope.TenantSlug, reason);
            // In the link's tenant: the job that ends test links runs in the platform scope.
            audit.Record(action, AuditTarget.User(link.UserId), AuditDetails.Of("clientId", link.ClientId).And("linkId", link.Id).And("reason", reason), link.TenantId);
            // A test link was never announced to the vendor (LinkAccount), so its end is not either.
            if (link.IsTest)
                continue;
            var eventType = action == AuditActions.AccountUnlinked ? WebhookEvents.AccountUnlinked : WebhookEvents.TokenRevoked;
            await webhooks.PublishAsync(link.TenantId, eventType, new WebhookEventData(link.ClientId, link.UserId, link.Scopes, reason), cancellationToken);
        }
        return live.Count;
    }
}
