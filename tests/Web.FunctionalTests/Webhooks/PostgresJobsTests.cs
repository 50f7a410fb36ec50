using System.Net;
using System.Text.Json;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using AlexaLinkHub.Web.FunctionalTests.Webhooks.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Webhooks;

/// <summary>Jobs with Hangfire's PostgreSQL storage: a link's webhook arrives signed, and jobs run in their tenant.</summary>
public sealed class PostgresJobsTests(PostgresWebhookAppFixture app) : IClassFixture<PostgresWebhookAppFixture>
{
    [Fact]
    public async Task Link_OnPostgreSql_ReceivesSignedAccountLinked()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var scenario = await WebhookScenario.CreateAsync(app, receiver, "account.linked");

        await scenario.LinkAsync();

        var webhook = await receiver.NextAsync();
        Assert.True(StandardWebhooks.Verify(scenario.Secret, webhook));
        using var body = JsonDocument.Parse(webhook.Body);
        Assert.Equal("account.linked", body.RootElement.Str("type"));
        var delivery = await scenario.WaitForDeliveryAsync(attempts: 1, status: "succeeded");
        Assert.Equal(webhook.Header("webhook-id"), delivery.Str("id"));
    }

    [Fact]
    public async Task DeliveryJob_OnPostgreSql_RunsInTheTenantItWasEnqueuedFor()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var tenantA = await WebhookScenario.CreateAsync(app, receiver, "account.linked");
        var tenantB = await WebhookScenario.CreateAsync(app, receiver, "account.linked");
        receiver.Answer(503);
        await ApiAssert.JsonAsync(await app.Platform.PostAsync($"{tenantB.WebhookPath}/test", null, TestContext.Current.CancellationToken), HttpStatusCode.Accepted);
        await receiver.NextAsync();
        var delivery = WebhookScenario.DeliveryGuid((await tenantB.WaitForDeliveryAsync(attempts: 1, status: "pending")).Str("id"));
        var jobs = app.Factory.Services.GetRequiredService<IBackgroundJobClient>();

        var asTenantA = jobs.Enqueue<Infrastructure.Jobs.WebhookJobs>(j => j.DeliverAsync(tenantA.TenantId, delivery, CancellationToken.None));

        Assert.Equal("NotFound", await app.JobResultAsync(asTenantA));
        Assert.Single(receiver.Received);
    }
}
