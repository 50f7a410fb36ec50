using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Webhooks;
using Mediator;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.Webhooks;

/// <summary>Registers a receiver for some of the tenant's events. The answer carries the signing secret, once. Saved by
/// one SaveChanges after the secret is encrypted: the first encryption may have to store a new data-protection key, which
/// on SQLite must not wait behind this command's own write transaction.</summary>
public sealed record CreateWebhook : ICommand<CreatedWebhookDto>, ITenantAdminRequest, ISingleSaveCommand
{
    public required string Url { get; init; }
    public required IReadOnlyList<string> Events { get; init; }
}

public sealed class CreateWebhookHandler(
    IWebhookRepository webhooks,
    IWebhookSecretProtector protector,
    ITenantContext scope,
    IAuditLog audit,
    IOptions<WebhookOptions> options,
    TimeProvider clock) : ICommandHandler<CreateWebhook, CreatedWebhookDto>
{
    public async ValueTask<CreatedWebhookDto> Handle(CreateWebhook command, CancellationToken cancellationToken)
    {
        if ((await webhooks.ListAsync(cancellationToken)).Count >= WebhookEndpoint.MaxPerTenant)
            throw new ConflictException($"A tenant can have at most {WebhookEndpoint.MaxPerTenant} webhooks; delete one first.");

        var secret = WebhookSecret.New();
        var endpoint = WebhookEndpoint.Create(scope.RequiredTenantId, command.Url, command.Events, protector.Protect(secret), options.Value.AllowLoopback, clock.GetUtcNow());
        webhooks.Add(endpoint);
        // The URL without its query: a vendor may have put a token there.
        audit.Record(AuditActions.WebhookCreated, AuditTarget.Webhook(endpoint.Id),
            AuditDetails.Of("url", new Uri(endpoint.Url).GetLeftPart(UriPartial.Path)).And("events", endpoint.Events));
        return new CreatedWebhookDto(endpoint.Id, secret, endpoint.Url, endpoint.Events, endpoint.CreatedAt);
    }
}
