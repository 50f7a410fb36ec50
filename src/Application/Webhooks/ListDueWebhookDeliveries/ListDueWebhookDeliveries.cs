using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Models;
using Mediator;

namespace AlexaLinkHub.Application.Webhooks;

/// <summary>Deliveries whose attempt is overdue — their job was lost (a crash, a failed enqueue). The sweep job sends
/// each back to a delivery job of its tenant.</summary>
public sealed record ListDueWebhookDeliveries(int Max = 500) : IQuery<IReadOnlyList<DueDelivery>>, IPlatformAdminRequest;

public sealed class ListDueWebhookDeliveriesHandler(IWebhookRepository webhooks, TimeProvider clock)
    : IQueryHandler<ListDueWebhookDeliveries, IReadOnlyList<DueDelivery>>
{
    /// <summary>A delivery's own job (enqueued on commit, or scheduled for its retry) normally takes it within this.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    public async ValueTask<IReadOnlyList<DueDelivery>> Handle(ListDueWebhookDeliveries query, CancellationToken cancellationToken) =>
        await webhooks.ListDueAsync(clock.GetUtcNow() - Grace, query.Max, cancellationToken);
}
