using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Application.Webhooks;
using AlexaLinkHub.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Infrastructure.Persistence.Repositories;

internal sealed class WebhookRepository(AppDbContext db) : IWebhookRepository
{
    public async Task<IReadOnlyList<WebhookEndpoint>> ListAsync(CancellationToken cancellationToken) =>
        await db.Set<WebhookEndpoint>().OrderBy(e => e.CreatedAt).ToListAsync(cancellationToken);

    public Task<WebhookEndpoint?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<WebhookEndpoint>().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);

    public void Add(WebhookEndpoint endpoint) => db.Add(endpoint);

    public void Remove(WebhookEndpoint endpoint) => db.Remove(endpoint);

    public void AddDelivery(WebhookDelivery delivery) => db.Add(delivery);

    public Task<WebhookDelivery?> FindDeliveryAsync(Guid deliveryId, CancellationToken cancellationToken) =>
        db.Set<WebhookDelivery>().FirstOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);

    public async Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(Guid endpointId, int max, CancellationToken cancellationToken) =>
        await db.Set<WebhookDelivery>().AsNoTracking()
            .Where(d => d.EndpointId == endpointId)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Take(max)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<DueDelivery>> ListDueAsync(DateTimeOffset dueBefore, int max, CancellationToken cancellationToken) =>
        await db.Set<WebhookDelivery>().AsNoTracking()
            .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= dueBefore)
            .OrderBy(d => d.NextAttemptAt)
            .Take(max)
            .Select(d => new DueDelivery(d.TenantId, d.Id))
            .ToListAsync(cancellationToken);

    public Task<bool> DeliveryExistsAsync(Guid deliveryId, CancellationToken cancellationToken) =>
        db.Set<WebhookDelivery>().AnyAsync(d => d.Id == deliveryId, cancellationToken);

    public async Task<WebhookDelivery?> ClaimAsync(Guid deliveryId, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var due = await db.Set<WebhookDelivery>().AsNoTracking()
            .Where(d => d.Id == deliveryId && d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now)
            .Select(d => new { d.NextAttemptAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (due is null)
            return null;

        // The lease: only the worker whose update still sees the due time it read gets the delivery.
        var claimed = await db.Set<WebhookDelivery>()
            .Where(d => d.Id == deliveryId && d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt == due.NextAttemptAt)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, leaseUntil), cancellationToken);
        if (claimed == 0)
            return null;
        return await db.Set<WebhookDelivery>().SingleAsync(d => d.Id == deliveryId, cancellationToken);
    }
}
