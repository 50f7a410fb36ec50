using AlexaLinkHub.Application.Audit;
using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Infrastructure.IntegrationTests.Support;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;

namespace AlexaLinkHub.Infrastructure.IntegrationTests;

/// <summary>Audit times are DateTimeOffset. SQLite has no date type, so they are stored as sortable binary ticks
/// (SqliteAppDbContext's converter); PostgreSQL stores timestamptz and accepts only UTC parameters. Either way the log
/// must order newest first and filter by from/to whatever offset the caller writes the bounds in.</summary>
public sealed class AuditTimelineTests
{
    private static readonly TimeSpan[] s_steps = [TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.FromDays(40)];

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ListAuditEvents_NoFilter_ListsNewestFirstWithExactTimes(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var (tenant, timeline) = await RecordTimelineAsync(app);

        var page = await ListAsync(app, tenant, new ListAuditEvents());

        Assert.Equal(timeline.Reverse().Select(e => (e.Action, e.At)), page.Items.Select(e => (e.Action, e.OccurredAt)));
        Assert.Equal(timeline.Length, page.TotalCount);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ListAuditEvents_FromAndToInOtherOffsets_ReturnsTheInclusiveWindowNewestFirst(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var (tenant, timeline) = await RecordTimelineAsync(app);
        // The window [second user, third user], its bounds written in +02:00 and -05:00.
        var from = timeline[2].At.ToOffset(TimeSpan.FromHours(2));
        var to = timeline[3].At.ToOffset(TimeSpan.FromHours(-5));

        var page = await ListAsync(app, tenant, new ListAuditEvents { From = from, To = to });

        Assert.Equal([timeline[3].At, timeline[2].At], page.Items.Select(e => e.OccurredAt));
        Assert.Equal(2, page.TotalCount);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ListAuditEvents_FromOnly_ExcludesEverythingEarlier(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var (tenant, timeline) = await RecordTimelineAsync(app);

        var page = await ListAsync(app, tenant, new ListAuditEvents { From = timeline[3].At.AddSeconds(1) });

        Assert.Equal([timeline[4].At], page.Items.Select(e => e.OccurredAt));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ListAuditEvents_ToOnly_ExcludesEverythingLater(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var (tenant, timeline) = await RecordTimelineAsync(app);

        var page = await ListAsync(app, tenant, new ListAuditEvents { To = timeline[1].At.AddSeconds(-1) });

        Assert.Equal([(AuditActions.TenantCreated, timeline[0].At)], page.Items.Select(e => (e.Action, e.OccurredAt)));
    }

    /// <summary>tenant.created at the clock's start, then one user.created after each step: a minute, an hour, a day,
    /// forty days (crossing a month boundary).</summary>
    private static async Task<(TenantDto Tenant, (string Action, DateTimeOffset At)[] Timeline)> RecordTimelineAsync(AppServices app)
    {
        var timeline = new List<(string, DateTimeOffset)>();
        var tenant = await app.TenantAsync("timeline");
        timeline.Add((AuditActions.TenantCreated, app.Clock.GetUtcNow()));
        for (var i = 0; i < s_steps.Length; i++)
        {
            app.Clock.Advance(s_steps[i]);
            await app.EndUserAsync(tenant, $"user{i}@timeline.test");
            timeline.Add((AuditActions.UserCreated, app.Clock.GetUtcNow()));
        }
        return (tenant, [.. timeline]);
    }

    private static Task<Page<AuditEventDto>> ListAsync(AppServices app, TenantDto tenant, ListAuditEvents query) =>
        app.SendAsTenantAdminAsync<Page<AuditEventDto>>(tenant.Id, tenant.Slug, query);
}
