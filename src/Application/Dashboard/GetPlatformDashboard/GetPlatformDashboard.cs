using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Tenants;
using FluentValidation;
using Mediator;

namespace AlexaLinkHub.Application.Dashboard;

/// <summary>The platform at a glance, for platform admins: tenants, links and failed link attempts across every tenant
/// over the last <see cref="Days"/> days, webhook failures of the last 24 hours and the background jobs' health. Sent in
/// the platform scope, where the dashboard's reader sees every tenant.</summary>
public sealed record GetPlatformDashboard : IQuery<PlatformDashboardDto>, IPlatformAdminRequest
{
    public int Days { get; init; } = GetDashboard.DefaultDays;
}

public sealed record PlatformDashboardDto(
    int RangeDays,
    int Tenants,
    int SuspendedTenants,
    int LinkedAccounts,
    int LiveLinks,
    int Links,
    int FailedAttempts,
    IReadOnlyList<FailureReasonCount> FailuresByReason,
    WebhookFailures WebhookFailuresLast24Hours,
    JobHealthDto Jobs);

public sealed class GetPlatformDashboardHandler(IDashboardReader reader, ITenantRepository tenants, IJobHealth jobs, TimeProvider clock)
    : IQueryHandler<GetPlatformDashboard, PlatformDashboardDto>
{
    public async ValueTask<PlatformDashboardDto> Handle(GetPlatformDashboard query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var first = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1 - query.Days);
        var since = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        var (all, suspended) = await tenants.CountAsync(cancellationToken);
        var (linkedAccounts, liveLinks) = await reader.CountLinksAsync(cancellationToken);
        var links = await reader.LinksSinceAsync(since, cancellationToken);
        var failures = await reader.FailedLinksSinceAsync(since, cancellationToken);
        var (failedAttempts, failedDeliveries) = await reader.CountWebhookFailuresSinceAsync(now.AddHours(-24), cancellationToken);
        return new PlatformDashboardDto(query.Days, all, suspended, linkedAccounts, liveLinks, links.Count, failures.Count,
            LinkFailureCategories.Count(failures), new WebhookFailures(failedAttempts, failedDeliveries), await jobs.ReadAsync(cancellationToken));
    }
}

public sealed class GetPlatformDashboardValidator : AbstractValidator<GetPlatformDashboard>
{
    public GetPlatformDashboardValidator() =>
        RuleFor(x => x.Days).Must(GetDashboard.IsRange).WithMessage(GetDashboard.RangeMessage);
}
