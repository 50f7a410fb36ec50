using AlexaLinkHub.Application.Webhooks;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlexaLinkHub.Web.Api;

public sealed record CreateWebhookRequest(string? Url, IReadOnlyList<string>? Events);

/// <summary>Signed webhooks (Standard Webhooks) that tell a vendor when accounts link, unlink or are revoked.</summary>
internal static class WebhooksEndpoints
{
    public static void MapWebhooksEndpoints(this RouteGroupBuilder tenant)
    {
        var hooks = tenant.MapGroup("/webhooks").WithTags("Webhooks");
        hooks.MapPost("/", Create)
            .WithSummary("Register a webhook for some of account.linked, account.unlinked, token.revoked. The signing secret (whsec_…) is in this response only.");
        hooks.MapGet("/", List).WithSummary("The tenant's webhooks (never their secrets).");
        hooks.MapGet("/{id:guid}", Get).WithSummary("A webhook.");
        hooks.MapDelete("/{id:guid}", Delete).WithSummary("Delete a webhook and its delivery log.");
        hooks.MapGet("/{id:guid}/deliveries", Deliveries)
            .WithSummary("The webhook's deliveries, newest first: status, next attempt and every attempt with its time and response code.");
        hooks.MapPost("/{id:guid}/test", SendTest).WithSummary("Send a webhook.test event to the webhook (signed and retried like any other).");
        hooks.MapPost("/{id:guid}/deliveries/{deliveryId}/redeliver", Redeliver)
            .WithSummary("Send a failed delivery (its msg_… id) once more, with the same webhook-id and body (400 unless it failed).");
        hooks.MapPost("/{id:guid}/disable", (Guid id, ISender sender, CancellationToken ct) => SetEnabled(id, false, sender, ct))
            .WithSummary("Disable a webhook: it keeps its settings and deliveries and gets no new events.");
        hooks.MapPost("/{id:guid}/enable", (Guid id, ISender sender, CancellationToken ct) => SetEnabled(id, true, sender, ct))
            .WithSummary("Enable a disabled webhook again.");
    }

    private static async Task<Created<CreatedWebhookDto>> Create(CreateWebhookRequest body, HttpContext http, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(new CreateWebhook { Url = body.Url ?? string.Empty, Events = body.Events ?? [] }, ct);
        return TypedResults.Created($"{SkillsEndpoints.TenantPath(http)}/webhooks/{created.Id}", created);
    }

    private static async Task<Ok<IReadOnlyList<WebhookDto>>> List(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListWebhooks(), ct));

    private static async Task<Ok<WebhookDto>> Get(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetWebhook(id), ct));

    private static async Task<NoContent> Delete(Guid id, ISender sender, CancellationToken ct)
    {
        await sender.Send(new DeleteWebhook(id), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<WebhookDeliveryDto>>> Deliveries(Guid id, int? limit, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListWebhookDeliveries(id, limit ?? 50), ct));

    private static async Task<Accepted<WebhookDeliveryDto>> Redeliver(Guid id, string deliveryId, HttpContext http, ISender sender, CancellationToken ct)
    {
        var delivery = await sender.Send(new RedeliverWebhook(id, deliveryId), ct);
        return TypedResults.Accepted($"{SkillsEndpoints.TenantPath(http)}/webhooks/{id}/deliveries", delivery);
    }

    private static async Task<Ok<WebhookDto>> SetEnabled(Guid id, bool enabled, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new SetWebhookEnabled(id, enabled), ct));

    private static async Task<Accepted<WebhookDeliveryDto>> SendTest(Guid id, HttpContext http, ISender sender, CancellationToken ct)
    {
        var delivery = await sender.Send(new SendTestWebhook(id), ct);
        return TypedResults.Accepted($"{SkillsEndpoints.TenantPath(http)}/webhooks/{id}/deliveries", delivery);
    }
}
