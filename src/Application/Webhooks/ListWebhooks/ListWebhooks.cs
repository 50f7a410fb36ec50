using AlexaLinkHub.Application.Common.Interfaces;
using Mediator;

namespace AlexaLinkHub.Application.Webhooks;

/// <summary>The tenant's webhooks, oldest first (never their secrets).</summary>
public sealed record ListWebhooks : IQuery<IReadOnlyList<WebhookDto>>, ITenantAdminRequest;

public sealed class ListWebhooksHandler(IWebhookRepository webhooks) : IQueryHandler<ListWebhooks, IReadOnlyList<WebhookDto>>
{
    public async ValueTask<IReadOnlyList<WebhookDto>> Handle(ListWebhooks query, CancellationToken cancellationToken) =>
        (await webhooks.ListAsync(cancellationToken)).OrderBy(e => e.CreatedAt).Select(WebhookDto.From).ToList();
}
