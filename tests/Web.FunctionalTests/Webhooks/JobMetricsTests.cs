using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AlexaLinkHub.Application.Common.Telemetry;
using AlexaLinkHub.Infrastructure.Jobs;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Webhooks.Support;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;

namespace AlexaLinkHub.Web.FunctionalTests.Webhooks;

/// <summary>The business meter counts webhook deliveries by outcome (tagged by tenant) and failed job runs by job, as
/// the jobs actually ran: a real receiver, the real job server.</summary>
public sealed class JobMetricsTests(WebhookAppFixture app) : IClassFixture<WebhookAppFixture>
{
    [Fact]
    public async Task ADeliveryRetriedOnceThenDelivered_CountsOneRetryAndOneDelivered_ForItsTenant()
    {
        using var meter = new Measurements("alh.webhook.deliveries");
        await using var receiver = await WebhookReceiver.StartAsync();
        var scenario = await WebhookScenario.CreateAsync(app, receiver, "account.linked");
        receiver.Answer(500);

        await scenario.LinkAsync();
        await receiver.NextAsync();
        await scenario.WaitForDeliveryAsync(attempts: 1, status: "pending");
        // The retry is due a minute after the failed attempt. The attempt shows as recorded a moment before its job has
        // set that time, so on a busy machine the clock could move before it and the retry land past the new "now":
        // move on and sweep again until it arrives (a leased delivery is never sent twice, so the count stays exact).
        await Eventually.ValueAsync(async () =>
        {
            app.Clock.Advance(TimeSpan.FromMinutes(2));
            app.Factory.Services.GetRequiredService<IRecurringJobManager>().Trigger(RecurringJobs.WebhookSweep);
            try
            {
                return await receiver.NextAsync(TimeSpan.FromSeconds(5));
            }
            catch (TimeoutException)
            {
                return null;
            }
        }, "the retried delivery", TimeSpan.FromSeconds(60));
        await scenario.WaitForDeliveryAsync(attempts: 2, status: "succeeded");

        await UntilAsync(() => meter.Of("tenant", scenario.Slug).Count == 2, "both attempts counted");
        Assert.Equal(["delivered", "retry"], meter.Of("tenant", scenario.Slug).Select(m => m.Tags["outcome"]).Order());
    }

    [Fact]
    public async Task AJobThatThrows_CountsOneFailureForThatJob()
    {
        using var meter = new Measurements("alh.jobs.failed");
        var jobId = app.Factory.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<ThrowingJob>(j => j.Run());
        var monitoring = app.Factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();

        await UntilAsync(() => monitoring.JobDetails(jobId)?.History.Any(h => h.StateName == FailedState.StateName) == true, "the job to fail");
        await UntilAsync(() => meter.Of("job", "ThrowingJob.Run").Count == 1, "the failure counted");
        Assert.Single(meter.Of("job", "ThrowingJob.Run"));
    }

    private static Task UntilAsync(Func<bool> condition, string what) =>
        Eventually.ValueAsync(() => Task.FromResult(condition() ? what : null), what);

    public sealed class ThrowingJob
    {
        [AutomaticRetry(Attempts = 0)]
        public void Run() => throw new InvalidOperationException("This job always fails.");
    }

    /// <summary>What the meter recorded on one instrument while this lives (every test host in the process shares the
    /// static meter, so a test reads only the measurements tagged with what it alone produced).</summary>
    private sealed class Measurements : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(long Value, Dictionary<string, string?> Tags)> _seen = new();

        public Measurements(string instrument)
        {
            _listener.InstrumentPublished = (i, listener) =>
            {
                if (i.Meter.Name == LinkHubMetrics.MeterName && i.Name == instrument)
                    listener.EnableMeasurementEvents(i);
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                var copy = new Dictionary<string, string?>();
                foreach (var tag in tags)
                    copy[tag.Key] = tag.Value?.ToString();
                _seen.Enqueue((value, copy));
            });
            _listener.Start();
        }

        public List<(long Value, Dictionary<string, string?> Tags)> Of(string tag, string value) =>
            _seen.Where(m => m.Tags.TryGetValue(tag, out var v) && v == value).ToList();

        public void Dispose() => _listener.Dispose();
    }
}
