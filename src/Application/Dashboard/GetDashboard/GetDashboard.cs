using AlexaLinkHub.Application.Audit;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Domain.Audit;
using FluentValidation;
using Mediator;

namespace AlexaLinkHub.Application.Dashboard;

/// <summary>The tenant's dashboard over the last <see cref="Days"/> days (7, 30 or 90; UTC, oldest first, today last):
/// links and failed link attempts per day and per skill, failures by reason, webhook failures of the last 24 hours,
/// and the latest audit events.</summary>
public sealed record GetDashboard : IQuery<DashboardDto>, ITenantAdminRequest
{
    public const int DefaultDays = 30;
    public const int RecentEvents = 10;
    public static readonly IReadOnlyList<int> Ranges = [7, 30, 90];

    public const string RangeMessage = "Choose 7, 30 or 90 days.";

    public int Days { get; init; } = DefaultDays;

    public static bool IsRange(int days) => Ranges.Contains(days);
}

public sealed class GetDashboardValidator : AbstractValidator<GetDashboard>
{
    public GetDashboardValidator() =>
        RuleFor(x => x.Days).Must(GetDashboard.IsRange).WithMessage(GetDashboard.RangeMessage);
}

public sealed record DailyLinks(DateOnly Day, int Links, int FailedAttempts);

public sealed record SkillLinks(string ClientId, string Name, int LiveLinks, int Links, int FailedAttempts);

public sealed record FailureReasonCount(string Reason, int Count);

public sealed record WebhookFailures(int FailedAttempts, int FailedDeliveries);

public sealed record DashboardDto(
    int RangeDays,
    int LinkedAccounts,
    int LiveLinks,
    int ActiveTokens,
    IReadOnlyList<DailyLinks> Days,
    IReadOnlyList<SkillLinks> Skills,
    IReadOnlyList<FailureReasonCount> FailuresByReason,
    WebhookFailures WebhookFailuresLast24Hours,
    IReadOnlyList<AuditEventDto> RecentEvents)
{
    public int LinksInPeriod => Days.Sum(d => d.Links);
    public int FailedAttemptsInPeriod => Days.Sum(d => d.FailedAttempts);
}

public sealed class GetDashboardHandler(IDashboardReader reader, IAuditEventReader audit, ISkillRepository skills, TimeProvider clock)
    : IQueryHandler<GetDashboard, DashboardDto>
{
    public async ValueTask<DashboardDto> Handle(GetDashboard query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var first = today.AddDays(1 - query.Days);
        var since = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        var (linkedAccounts, liveLinks) = await reader.CountLinksAsync(cancellationToken);
        var activeTokens = await reader.CountActiveTokensAsync(now, cancellationToken);
        var links = await reader.LinksSinceAsync(since, cancellationToken);
        var recorded = await reader.FailedLinksSinceAsync(since, cancellationToken);
        var failures = recorded.Select(f => (f.At, ClientId: AuditDetails.Read(f.Details, "clientId"))).ToList();

        var linksPerDay = PerDay(links.Select(l => l.At));
        var failuresPerDay = PerDay(failures.Select(f => f.At));
        var days = Enumerable.Range(0, query.Days)
            .Select(i => first.AddDays(i))
            .Select(day => new DailyLinks(day, linksPerDay.GetValueOrDefault(day), failuresPerDay.GetValueOrDefault(day)))
            .ToList();

        var livePerSkill = await reader.CountLiveLinksPerSkillAsync(cancellationToken);
        var linksPerSkill = links.CountBy(l => l.ClientId).ToDictionary();
        var failuresPerSkill = failures.Where(f => f.ClientId is not null).CountBy(f => f.ClientId!).ToDictionary();
        var perSkill = (await skills.ListAsync(cancellationToken))
            .Select(s => new SkillLinks(s.ClientId, s.Name, livePerSkill.GetValueOrDefault(s.ClientId),
                linksPerSkill.GetValueOrDefault(s.ClientId), failuresPerSkill.GetValueOrDefault(s.ClientId)))
            .OrderByDescending(s => s.Links).ThenBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        var byReason = LinkFailureCategories.Count(recorded);

        var (failedAttempts, failedDeliveries) = await reader.CountWebhookFailuresSinceAsync(now.AddHours(-24), cancellationToken);
        var recent = await audit.ReadAsync(new AuditFilter(null, null, null, null, null), KeysetRead<AuditPosition>.First(GetDashboard.RecentEvents), cancellationToken);
        return new DashboardDto(query.Days, linkedAccounts, liveLinks, activeTokens, days, perSkill, byReason,
            new WebhookFailures(failedAttempts, failedDeliveries), recent.Items.Select(AuditEventDto.From).ToList());
    }

    private static Dictionary<DateOnly, int> PerDay(IEnumerable<DateTimeOffset> times) =>
        times.GroupBy(t => DateOnly.FromDateTime(t.UtcDateTime)).ToDictionary(g => g.Key, g => g.Count());
}
