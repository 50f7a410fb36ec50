using System.Net;
using AlexaLinkHub.Infrastructure.Jobs;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using AlexaLinkHub.Web.FunctionalTests.Webhooks.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Webhooks;

/// <summary>A job carries its tenant as an argument and runs with that tenant's query filter, like a request would.</summary>
public sealed class TenantJobScopeTests(WebhookAppFixture app) : IClassFixture<WebhookAppFixture>
{
    [Fact]
    public async Task DeliveryJob_EnqueuedForTenantA_CannotSeeTenantBsDelivery()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var tenantA = await WebhookScenario.CreateAsync(app, receiver, "account.linked");
        var tenantB = await WebhookScenario.CreateAsync(app, receiver, "account.linked");
        receiver.Answer(500);
        await ApiAssert.JsonAsync(await app.Platform.PostAsync($"{tenantB.WebhookPath}/test", null, TestContext.Current.CancellationToken), HttpStatusCode.Accepted);
        await receiver.NextAsync();
        // B's delivery now waits for its retry (not due: the fake clock stands still).
        var delivery = WebhookScenario.DeliveryGuid((await tenantB.WaitForDeliveryAsync(attempts: 1, status: "pending")).Str("id"));
        var jobs = app.Factory.Services.GetRequiredService<IBackgroundJobClient>();

        var asTenantA = jobs.Enqueue<WebhookJobs>(j => j.DeliverAsync(tenantA.TenantId, delivery, CancellationToken.None));
        var asTenantB = jobs.Enqueue<WebhookJobs>(j => j.DeliverAsync(tenantB.TenantId, delivery, CancellationToken.None));

        Assert.Equal("NotFound", await app.JobResultAsync(asTenantA));
        Assert.Equal("NotDue", await app.JobResultAsync(asTenantB));
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task DeliveryJob_ForATenantThatNoLongerExists_DoesNothing()
    {
        var jobs = app.Factory.Services.GetRequiredService<IBackgroundJobClient>();

        var job = jobs.Enqueue<WebhookJobs>(j => j.DeliverAsync(Guid.NewGuid(), Guid.NewGuid(), CancellationToken.None));

        Assert.Equal(JobScope.TenantGone, await app.JobResultAsync(job));
    }
}
