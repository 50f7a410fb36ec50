using AlexaLinkHub.Application.Accounts;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.Domain.Webhooks;
using AlexaLinkHub.TestSupport;

namespace AlexaLinkHub.Application.UnitTests.Webhooks;

/// <summary>Link, unlink and revoke put their event in the webhook outbox of the tenant, in the same unit of work.</summary>
public sealed class WebhookEventTests
{
    [Fact]
    public async Task LinkAccount_SubscribedWebhook_QueuesAccountLinkedWithTheLinkDetails()
    {
        await using var app = await AppServices.CreateAsync();
        var setup = await WebhookSetup.CreateAsync(app, "acme");
        var webhook = await setup.AddWebhookAsync(app, WebhookEvents.AccountLinked);

        await setup.LinkAsync(app, "taxi.order");

        var delivery = Assert.Single(await WebhookSetup.DeliveriesAsync(app));
        Assert.Equal((setup.Tenant.Id, webhook.Id, WebhookEvents.AccountLinked, WebhookDeliveryStatus.Pending),
            (delivery.TenantId, delivery.EndpointId, delivery.EventType, delivery.Status));
        Assert.Equal(app.Clock.GetUtcNow(), delivery.NextAttemptAt);
        var body = WebhookSetup.Body(delivery);
        Assert.Equal("account.linked", body.GetProperty("type").GetString());
        Assert.Equal("2026-11-25T12:00:00.0000000Z", body.GetProperty("timestamp").GetString());
        var data = body.GetProperty("data");
        Assert.Equal(setup.ClientId, data.GetProperty("clientId").GetString());
        Assert.Equal(setup.User.Id.ToString(), data.GetProperty("userId").GetString());
        Assert.Equal(["taxi.order"], data.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.GetProperty("reason").ValueKind);
    }

    [Fact]
    public async Task UnlinkSkill_EndUserUnlinks_QueuesAccountUnlinkedWithReason()
    {
        await using var app = await AppServices.CreateAsync();
        var setup = await WebhookSetup.CreateAsync(app, "acme");
        await setup.AddWebhookAsync(app, WebhookEvents.AccountUnlinked, WebhookEvents.TokenRevoked);
        await setup.LinkAsync(app, "taxi.order", "taxi.status");

        await setup.AsEndUser<RevocationResult>(app, new UnlinkSkill(setup.ClientId));

        var delivery = Assert.Single(await WebhookSetup.DeliveriesAsync(app));
        Assert.Equal(WebhookEvents.AccountUnlinked, delivery.EventType);
        var data = WebhookSetup.Body(delivery).GetProperty("data");
        Assert.Equal("user_unlinked", data.GetProperty("reason").GetString());
        Assert.Equal(["taxi.order", "taxi.status"], data.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task RevokeUserTokens_AdminRevokes_QueuesTokenRevokedForEachLink()
    {
        await using var app = await AppServices.CreateAsync();
        var setup = await WebhookSetup.CreateAsync(app, "acme");
        await setup.AddWebhookAsync(app, WebhookEvents.TokenRevoked);
        await setup.LinkAsync(app, "taxi.order");
        await setup.LinkAsync(app, "taxi.status");

        var result = await app.AsAdminOf<RevocationResult>(setup.Tenant, new RevokeUserTokens(setup.User.Id));

        Assert.Equal(2, result.RevokedLinks);
        var deliveries = await WebhookSetup.DeliveriesAsync(app);
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d =>
        {
            Assert.Equal(WebhookEvents.TokenRevoked, d.EventType);
            Assert.Equal("admin", WebhookSetup.Body(d).GetProperty("data").GetProperty("reason").GetString());
        });
    }

    [Fact]
    public async Task LinkAccount_BeyondTheTokenCap_QueuesTokenRevokedForTheOldestLink()
    {
        await using var app = await AppServices.CreateAsync(settings: [new("Linking:MaxLiveLinksPerUserAndSkill", "1")]);
        var setup = await WebhookSetup.CreateAsync(app, "acme");
        await setup.AddWebhookAsync(app, WebhookEvents.AccountLinked, WebhookEvents.TokenRevoked);
        await setup.LinkAsync(app, "taxi.order");

        await setup.LinkAsync(app, "taxi.order");

        var events = (await WebhookSetup.DeliveriesAsync(app)).Select(d => (d.EventType, WebhookSetup.Body(d).GetProperty("data").GetProperty("reason").GetString())).ToList();
        Assert.Equal(3, events.Count);
        Assert.Equal(2, events.Count(e => e == (WebhookEvents.AccountLinked, null)));
        Assert.Contains((WebhookEvents.TokenRevoked, "token_cap"), events);
    }

    [Fact]
    public async Task LinkAccount_WebhookNotSubscribedOrOfAnotherTenant_QueuesNothing()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await WebhookSetup.CreateAsync(app, "acme");
        var other = await WebhookSetup.CreateAsync(app, "other");
        await acme.AddWebhookAsync(app, WebhookEvents.TokenRevoked);
        await other.AddWebhookAsync(app, WebhookEvents.AccountLinked);

        await acme.LinkAsync(app, "taxi.order");

        Assert.Empty(await WebhookSetup.DeliveriesAsync(app));
    }

    [Fact]
    public async Task LinkAccount_NoWebhooks_StillLinksAndQueuesNothing()
    {
        await using var app = await AppServices.CreateAsync();
        var setup = await WebhookSetup.CreateAsync(app, "acme");

        var link = await setup.LinkAsync(app, "taxi.order");

        Assert.Equal(setup.User.Id, link.UserId);
        Assert.Empty(await WebhookSetup.DeliveriesAsync(app));
    }
}
