using AlexaLinkHub.Application.Maintenance;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.TestSupport;

namespace AlexaLinkHub.Application.UnitTests.Maintenance;

public sealed class TrimAuditLogTests
{
    [Fact]
    public async Task TrimAuditLog_DefaultRetention_DeletesEventsOlderThan365DaysAndRecordsTheTrim()
    {
        await using var app = await AppServices.CreateAsync();
        await app.CreateTenantAsync("old");
        app.Clock.Advance(TimeSpan.FromDays(200));
        await app.CreateTenantAsync("middle");
        app.Clock.Advance(TimeSpan.FromDays(166));
        await app.CreateTenantAsync("recent");
        // The trim's own event comes after; at the same instant two events have no defined order.
        app.Clock.Advance(TimeSpan.FromSeconds(1));

        var deleted = await app.SendAsPlatformAsync<int>(new TrimAuditLog());

        Assert.Equal(1, deleted);
        var events = await app.AuditEventsAsync();
        Assert.Equal(
            [(AuditActions.TenantCreated, "tenant:middle"), (AuditActions.TenantCreated, "tenant:recent"), (AuditActions.AuditTrimmed, "audit-log")],
            events.Select(e => (e.Action, e.Target)));
        var trim = events[^1];
        Assert.Null(trim.TenantId);
        Assert.StartsWith("deleted=1; ", trim.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrimAuditLog_ConfiguredRetention_IsUsed_AndNothingToTrimRecordsNothing()
    {
        await using var app = await AppServices.CreateAsync(settings: [new("Audit:RetentionDays", "30")]);
        await app.CreateTenantAsync("acme");
        app.Clock.Advance(TimeSpan.FromDays(29));

        Assert.Equal(0, await app.SendAsPlatformAsync<int>(new TrimAuditLog()));
        Assert.Single(await app.AuditEventsAsync());

        app.Clock.Advance(TimeSpan.FromDays(2));

        Assert.Equal(1, await app.SendAsPlatformAsync<int>(new TrimAuditLog()));
        Assert.Equal([AuditActions.AuditTrimmed], (await app.AuditEventsAsync()).Select(e => e.Action));
    }
}
