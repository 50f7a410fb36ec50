using System.Globalization;
using System.Text;
using AlexaLinkHub.Application.Common.Interfaces;
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

public sealed record AuditExport(string Csv, int Rows, bool Truncated);

public sealed class ExportAuditEventsValidator : AbstractValidator<ExportAuditEvents>
{
    public ExportAuditEventsValidator() => Include(new AuditPeriodRules<ExportAuditEvents>());
}

public sealed class ExportAuditEventsHandler(IAuditEventReader reader) : IQueryHandler<ExportAuditEvents, AuditExport>
{
    public const string Header = "occurredAt,actor,action,target,details,sourceIp";

    public async ValueTask<AuditExport> Handle(ExportAuditEvents query, CancellationToken cancellationToken)
    {
        var page = await reader.QueryAsync(new AuditFilter(query.From, query.To, query.Actor, query.Action, query.Target), 1, ExportAuditEvents.MaxRows, cancellationToken);
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        foreach (var e in page.Items)
            AppendRow(csv, e);
        return new AuditExport(csv.ToString(), page.Items.Count, page.TotalCount > page.Items.Count);
    }

    private static void AppendRow(StringBuilder csv, AuditEvent e)
    {
        string[] cells = [e.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), e.Actor, e.Action, e.Target, e.Details ?? string.Empty, e.SourceIp ?? string.Empty];
        csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
    }

    /// <summary>RFC 4180 quoting, and no formula injection: a spreadsheet would run a cell that starts with = + - @ (or a
    /// tab/CR before one) as a formula, so such a cell is prefixed with an apostrophe (OWASP "CSV injection").</summary>
    internal static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
