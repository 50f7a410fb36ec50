using System.Globalization;
using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Domain.Audit;

namespace AlexaLinkHub.Application.Audit;

/// <summary>A page of an audit log (a tenant's or the platform's), keyset-paged by time and id (ADR 020).</summary>
internal static class AuditPages
{
    public static async Task<Page<AuditEventDto>> ReadAsync(
        IAuditEventReader reader, string list, Guid? tenantId, AuditFilter filter, string? after, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var scope = new ListScope(list, tenantId, filter.From?.UtcTicks.ToString(CultureInfo.InvariantCulture),
            filter.To?.UtcTicks.ToString(CultureInfo.InvariantCulture), filter.Actor, filter.Action, filter.Target);
        var request = ListCursor.Request(scope, after, page, pageSize, ParseKey);
        var rows = await reader.ReadAsync(filter, request.Read, cancellationToken);
        var counted = await reader.CountAsync(filter, ListCursor.CountCap + 1, cancellationToken);
        return ListCursor.Page(scope, request, rows, counted, KeyOf, AuditEventDto.From);
    }

    private static string[] KeyOf(AuditEvent e) => [e.OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture), e.Id.ToString()];

    private static AuditPosition? ParseKey(string[] key) =>
        key.Length == 2 ? new AuditPosition(new DateTimeOffset(long.Parse(key[0], NumberStyles.None, CultureInfo.InvariantCulture), TimeSpan.Zero), Guid.Parse(key[1])) : null;
}
