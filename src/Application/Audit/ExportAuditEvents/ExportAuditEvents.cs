using System.Globalization;
using System.Text;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Domain.Audit;
using FluentValidation;
using Mediator;

namespace AlexaLinkHub.Application.Audit;

/// <summary>The tenant's audit log as CSV (RFC 4180), newest first, with the same filters as <see cref="ListAuditEvents"/>;
/// at most <see cref="MaxRows"/> rows (narrow the dates for more).</summary>
public sealed record ExportAuditEvents : IQuery<AuditExport>, ITenantAdminRequest, IAuditPeriod
{
    public const int MaxRows = 10_000;

    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public string? Actor { get; init; }
    public string? Action { get; init; }
    public string? Target { get; init; }
}

public sealed record AuditExport(string Csv, int Rows, bool Truncated)
{
    public const string Header = "occurredAt,actor,action,target,details,sourceIp";

    public static AuditExport Of(KeysetRows<AuditEvent> page)
    {
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        foreach (var e in page.Items)
            csv.AppendRow(e.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), e.Actor, e.Action, e.Target, e.Details ?? string.Empty, e.SourceIp ?? string.Empty);
        return new AuditExport(csv.ToString(), page.Items.Count, page.HasMore);
    }
}

public sealed class ExportAuditEventsValidator : AbstractValidator<ExportAuditEvents>
{
    public ExportAuditEventsValidator() => Include(new AuditPeriodRules<ExportAuditEvents>());
}

public sealed class ExportAuditEventsHandler(IAuditEventReader reader) : IQueryHandler<ExportAuditEvents, AuditExport>
{
    public async ValueTask<AuditExport> Handle(ExportAuditEvents query, CancellationToken cancellationToken) =>
        AuditExport.Of(await reader.ReadAsync(new AuditFilter(query.From, query.To, query.Actor, query.Action, query.Target), KeysetRead<AuditPosition>.First(ExportAuditEvents.MaxRows), cancellationToken));
}
