using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.Application.Webhooks;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Webhooks;
using AlexaLinkHub.TestSupport;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Application.UnitTests.Webhooks;

public sealed class WebhookManagementTests
{
    [Fact]
    public async Task CreateWebhook_StoresTheSecretProtected_AndShowsItOnce()
    {
        await using var app = await AppServices.CreateAsync();
        var setup = await WebhookSetup.CreateAsync(app, "acme");

        var created = await setup.AddWebhookAsync(app, WebhookEvents.AccountLinked);

        Assert.StartsWith("whsec_", created.Secret, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(created.Secret["whsec_".Length..]).Length);
        var stored = await app.QueryDbAsync(db => db.WebhookEndpoints.SingleAsync(e => e.Id == created.Id, TestActors.Ct));
        Assert.DoesNotContain(created.Secret["whsec_".Length..], stored.ProtectedSecret, StringComparison.Ordinal);
        Assert.NotEqual(created.Secret, stored.ProtectedSecret);
        var fetched = await app.AsAdminOf<WebhookDto>(setup.Tenant, new GetWebhook(created.Id));
        Assert.Equal((created.Id, created.Url), (fetched.Id, fetched.Url));
        Assert.Equal(created.Events, fetched.Events);
        var audit = Assert.Single(await app.AuditEventsAsync(AuditActions.WebhookCreated));
        Assert.Equal($"webhook:{created.Id}", audit.Target);
        Assert.DoesNotContain(created.Secret, audit.Details ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateWebhook_InvalidInput_ReportsEveryField()
    {
        await using var app = await AppServices.CreateAsync();
        var setup = await WebhookSetup.CreateAsync(app, "acme");

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            app.AsAdminOf<CreatedWebhookDto>(setup.Tenant, new CreateWebhook { Url = "http://hooks.acme.example/a", Events = ["account.linked", "account.deleted"] }));

        Assert.Equal(["events[1]", "url"], error.Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetWebhook_OfAnotherTenant_IsNotFound()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await WebhookSetup.CreateAsync(app, "acme");
        var other = await WebhookSetup.CreateAsync(app, "other");
        var webhook = await other.AddWebhookAsync(app, WebhookEvents.AccountLinked);

        await Assert.ThrowsAsync<NotFoundException>(() => app.AsAdminOf<WebhookDto>(acme.Tenant, new GetWebhook(webhook.Id)));
        await Assert.ThrowsAsync<NotFoundException>(() => app.AsAdminOf<Mediator.Unit>(acme.Tenant, new DeleteWebhook(webhook.Id)));
        Assert.Single(await app.AsAdminOf<IReadOnlyList<WebhookDto>>(other.Tenant, new ListWebhooks()));
    }

    [Fact]
    public async Task DeleteWebhook_WithDeliveries_RemovesItsLogToo()
    {
        await using var app = await AppServices.CreateAsync();
        var setup = await WebhookSetup.CreateAsync(app, "acme");
        var webhook = await setup.AddWebhookAsync(app, WebhookEvents.AccountLinked);
        await setup.LinkAsync(app, "taxi.order");

        await app.AsAdminOf<Mediator.Unit>(setup.Tenant, new DeleteWebhook(webhook.Id));

        Assert.Empty(await app.QueryDbAsync(db => db.WebhookEndpoints.ToListAsync(TestActors.Ct)));
        Assert.Empty(await WebhookSetup.DeliveriesAsync(app));
        Assert.Single(await app.AuditEventsAsync(AuditActions.WebhookDeleted));
    }

    [Fact]
    public async Task CreateWebhook_BeyondTheLimit_IsAConflict()
    {
        await using var app = await AppServices.CreateAsync();
        var setup = await WebhookSetup.CreateAsync(app, "acme");
        for (var i = 0; i < WebhookEndpoint.MaxPerTenant; i++)
            await setup.AddWebhookAsync(app, WebhookEvents.AccountLinked);

        var error = await Assert.ThrowsAsync<ConflictException>(() => setup.AddWebhookAsync(app, WebhookEvents.AccountLinked));

        Assert.Contains("at most 10", error.Message, StringComparison.Ordinal);
    }
}
