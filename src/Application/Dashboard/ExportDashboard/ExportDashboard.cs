using System.Globalization;
using System.Text;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Models;
using Mediator;

namespace AlexaLinkHub.Application.Dashboard;

/// <summary>The dashboard's numbers as CSV, one number per row (<c>metric,key,value</c>), so every figure on the page —
/// totals, each day, each skill, each failure reason, webhook failures — is in one file a spreadsheet can pivot.</summary>
public sealed record ExportDashboard : IQuery<string>, ITenantAdminRequest
{
    public int Days { get; init; } = GetDashboard.DefaultDays;
}

public sealed class ExportDashboardHandler(ISender sender) : IQueryHandler<ExportDashboard, string>
{
    public const string Header = "metric,key,value";

    public async ValueTask<string> Handle(ExportDashboard query, CancellationToken cancellationToken)
    {
        var d = await sender.Send(new GetDashboard { Days = query.Days }, cancellationToken);
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        Row(csv, "range_days", string.Empty, d.RangeDays);
        Row(csv, "linked_accounts", string.Empty, d.LinkedAccounts);
        Row(csv, "live_links", string.Empty, d.LiveLinks);
        Row(csv, "active_tokens", string.Empty, d.ActiveTokens);
        Row(csv, "links", "total", d.LinksInPeriod);
        Row(csv, "failed_attempts", "total", d.FailedAttemptsInPeriod);
        foreach (var day in d.Days)
        {
            var date = day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Row(csv, "links", date, day.Links);
            Row(csv, "failed_attempts", date, day.FailedAttempts);
        }
        foreach (var reason in d.FailuresByReason)
            Row(csv, "failed_attempts_by_reason", reason.Reason, reason.Count);
        foreach (var skill in d.Skills)
        {
            Row(csv, "skill_live_links", skill.ClientId, skill.LiveLinks);
            Row(csv, "skill_links", skill.ClientId, skill.Links);
            Row(csv, "skill_failed_attempts", skill.ClientId, skill.FailedAttempts);
        }
        Row(csv, "webhook_failed_attempts_24h", string.Empty, d.WebhookFailuresLast24Hours.FailedAttempts);
        Row(csv, "webhook_failed_deliveries_24h", string.Empty, d.WebhookFailuresLast24Hours.FailedDeliveries);
        return csv.ToString();
    }

    private static void Row(StringBuilder csv, string metric, string key, int value) =>
        csv.AppendRow(metric, key, value.ToString(CultureInfo.InvariantCulture));
}
