using AlexaLinkHub.Application.Common.Tenancy;
using System.Text.Json;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Application.Webhooks;
using AlexaLinkHub.Domain.Webhooks;
using AlexaLinkHub.TestSupport;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Application.UnitTests.Webhooks;

/// <summary>A tenant with a skill, an end user and (optionally) a webhook, and the ways the end user links and unlinks.</summary>
public sealed record WebhookSetup(TenantDto Tenant, string ClientId, EndUserDto User)
{
    public static async Task<WebhookSetup> CreateAsync(AppServices app, string slug)
    {
        var tenant = await app.CreateTenantAsync(slug);
        var clientId = $"taxi-{slug}";
        await app.AsAdminOf<RegisteredSkillDto>(tenant, Requests.Skill(clientId));
        var user = await app.AsAdminOf<EndUserDto>(tenant, Requests.User($"jo@{slug}.example"));
        return new WebhookSetup(tenant, clientId, user);
    }

    public Task<CreatedWebhookDto> AddWebhookAsync(AppServices app, params string[] events) =>
        app.AsAdminOf<CreatedWebhookDto>(Tenant, new CreateWebhook { Url = $"https://hooks.{Tenant.Slug}.example/alexa", Events = events });

    /// <summary>The end user allows the skill, as the consent page does.</summary>
    public Task<LinkResult> LinkAsync(AppServices app, params string[] scopes) => AsEndUser<LinkResult>(app, new LinkAccount(ClientId, scopes));

    public Task<T> AsEndUser<T>(AppServices app, IMessage message) =>
        app.SendAsync<T>(message, (actor, scope) =>
        {
            actor.Set(Actor.EndUser(User.Id, "127.0.0.1"));
            scope.EnterTenant(Tenant.Id, Tenant.Slug);
        });

    public static Task<List<WebhookDelivery>> DeliveriesAsync(AppServices app) =>
        app.QueryDbAsync(db => db.WebhookDeliveries.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).ToListAsync(TestActors.Ct));

    public static JsonElement Body(WebhookDelivery delivery)
    {
        using var document = JsonDocument.Parse(delivery.Payload);
        return document.RootElement.Clone();
    }
}
