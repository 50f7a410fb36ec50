using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using Mediator;

namespace AlexaLinkHub.Application.Webhooks;

public sealed record GetWebhook(Guid Id) : IQuery<WebhookDto>, ITenantAdminRequest;

public sealed class GetWebhookHandler(IWebhookRepository webhooks) : IQueryHandler<GetWebhook, WebhookDto>
{
    public async ValueTask<WebhookDto> Handle(GetWebhook query, CancellationToken cancellationToken) =>
        WebhookDto.From(await webhooks.FindAsync(query.Id, cancellationToken) ?? throw new NotFoundException("Webhook not found."));
}
