using AlexaLinkHub.Application.Audit;
using AlexaLinkHub.Application.Common.Interfaces;
using Mediator;

namespace AlexaLinkHub.Application.Dashboard;

/// <summary>The tenant's dashboard: linked accounts, active tokens, links and failed link attempts per day over the
/// last <see cref="Days"/> days (UTC, oldest first, today last), and the latest audit events.</summary>
public sealed record GetDashboard : IQuery<DashboardDto>, ITenantAdminRequest
{
    public const int Days = 30;
    public const int RecentEvents = 10;
}

public sealed record DailyLinks(DateOnly Day, int Links, int FailedAttempts);

public sealed record DashboardDto(
    int LinkedAccounts,
    int LiveLinks,
    int ActiveTokens,
    IReadOnlyList<DailyLinks> Days,
    IReadOnlyList<AuditEventDto> RecentEvents)
{
    public int LinksInPeriod => Days.Sum(d => d.Links);
    public int FailedAttemptsInPeriod => Days.Sum(d => d.FailedAttempts);
}

public sealed class GetDashboardHandler(IDashboardReader reader, IAuditEventReader audit, TimeProvider clock) : IQueryHandler<GetDashboard, DashboardDto>
{
    public async ValueTask<DashboardDto> Handle(GetDashboard query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var first = today.AddDays(1 - GetDashboard.Days);
        var since = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        var (linkedAccounts, liveLinks) = await reader.CountLinksAsync(cancellationToken);
        var activeTokens = await reader.CountActiveTokensAsync(now, cancellationToken);
        var links = PerDay(await reader.LinkTimesSinceAsync(since, cancellationToken));
        var failures = PerDay(await reader.FailedLinkTimesSinceAsync(since, cancellationToken));
        var days = Enumerable.Range(0, GetDashboard.Days)
            .Select(i => first.AddDays(i))
            .Select(day => new DailyLinks(day, links.GetValueOrDefault(day), failures.GetValueOrDefault(day)))
            .ToList();
        var recent = await audit.QueryAsync(new AuditFilter(null, null, null, null, null), 1, GetDashboard.RecentEvents, cancellationToken);
        return new DashboardDto(linkedAccounts, liveLinks, activeTokens, days, recent.Items.Select(AuditEventDto.From).ToList());
    }

    private static Dictionary<DateOnly, int> PerDay(IEnumerable<DateTimeOffset> times) =>
        times.GroupBy(t => DateOnly.FromDateTime(t.UtcDateTime)).ToDictionary(g => g.Key, g => g.Count());
}
