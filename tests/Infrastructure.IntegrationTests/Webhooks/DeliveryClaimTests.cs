using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Accounts;
using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Application.Emails;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Application.Webhooks;
using AlexaLinkHub.Domain.Emails;
using AlexaLinkHub.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlexaLinkHub.Infrastructure.IntegrationTests.Webhooks;

/// <summary>Two workers on one due outbox row: the lease lets exactly one of them send it.</summary>
public sealed class DeliveryClaimTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeliverWebhook_TwoWorkersAtOnce_SendOnlyOnce()
    {
        await using var app = await AppServices.CreateAsync(settings: [new("Webhooks:AllowLoopback", "true")]);
        await using var receiver = await WebhookReceiver.StartAsync();
        var tenant = await app.SendAsPlatformAsync<TenantDto>(new CreateTenant { Slug = "acme", DisplayName = "Acme" });
        var webhook = await app.SendAsTenantAdminAsync<CreatedWebhookDto>(tenant.Id, tenant.Slug, new CreateWebhook { Url = receiver.Url(), Events = ["account.linked"] });
        var queued = await app.SendAsTenantAdminAsync<WebhookDeliveryDto>(tenant.Id, tenant.Slug, new SendTestWebhook(webhook.Id));
        var id = Guid.ParseExact(queued.Id["msg_".Length..], "N");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            app.SendAsync<DeliveryOutcome>(new DeliverWebhook(id), (actor, scope) =>
            {
                actor.Set(Actor.System);
                scope.EnterTenant(tenant.Id, tenant.Slug);
            }), Ct)));

        Assert.Equal([DeliveryResult.NotDue, DeliveryResult.Delivered], outcomes.Select(o => o.Result).Order());
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task DeliverEmail_TwoWorkersAtOnce_WriteOneEmail()
    {
        await using var app = await AppServices.CreateAsync();
        var tenant = await app.SendAsPlatformAsync<TenantDto>(new CreateTenant { Slug = "acme", DisplayName = "Acme" });
        await app.SendAsTenantAdminAsync<EndUserDto>(tenant.Id, tenant.Slug, new CreateEndUser { Email = "jo@acme.example", Password = "correct horse battery", DisplayName = "Jo" });
        // The web host creates the data-protection key at startup; without that, the first reset token would create it
        // from inside the command's SQLite write transaction, and the key's own save would wait for that lock.
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("warm-up").Protect("key ring");
        await app.SendAsync<Mediator.Unit>(new RequestPasswordReset("jo@acme.example", null), (actor, scope) =>
        {
            actor.Set(Actor.Anonymous("127.0.0.1"));
            scope.EnterTenant(tenant.Id, tenant.Slug);
        });
        var id = await app.QueryDbAsync(db => db.Set<OutboundEmail>().Select(e => e.Id).SingleAsync(Ct));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => app.SendAsPlatformAsync<DeliveryOutcome>(new DeliverEmail(id)), Ct)));

        Assert.Equal([DeliveryResult.NotDue, DeliveryResult.Delivered], outcomes.Select(o => o.Result).Order());
        var sent = await app.QueryDbAsync(db => db.Set<OutboundEmail>().SingleAsync(Ct));
        Assert.Equal((1, (DateTimeOffset?)app.Clock.GetUtcNow()), (sent.Attempts, sent.SentAt));
        Assert.Single(Directory.GetFiles(Path.Combine(app.Database.SqliteDirectory!, "data", "mail"), "*.eml"));
    }
}
