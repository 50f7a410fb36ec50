using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Audit;
using FluentValidation;
using Mediator;

namespace AlexaLinkHub.Application.Audit;

public sealed record ListAuditEvents : IQuery<Page<AuditEventDto>>, ITenantAdminRequest, IAuditPeriod
{
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public string? Actor { get; init; }
    public string? Action { get; init; }
    public string? Target { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }

    /// <summary>A page's <c>next</c> or <c>previous</c> cursor; it wins over <see cref="Page"/>.</summary>
    public string? After { get; init; }
}

public sealed record AuditEventDto(Guid Id, string Actor, string Action, string Target, string? Details, string? SourceIp, DateTimeOffset OccurredAt)
{
    public static AuditEventDto From(AuditEvent e) => new(e.Id, e.Actor, e.Action, e.Target, e.Details, e.SourceIp, e.OccurredAt);
}

public sealed class ListAuditEventsValidator : AbstractValidator<ListAuditEvents>
{
    public ListAuditEventsValidator() => Include(new AuditPeriodRules<ListAuditEvents>());
}

public sealed class ListAuditEventsHandler(IAuditEventReader reader, ITenantContext tenant) : IQueryHandler<ListAuditEvents, Page<AuditEventDto>>
{
    public async ValueTask<Page<AuditEventDto>> Handle(ListAuditEvents query, CancellationToken cancellationToken) =>
        await AuditPages.ReadAsync(reader, "audit", tenant.RequiredTenantId, new AuditFilter(query.From, query.To, query.Actor, query.Action, query.Target),
            query.After, query.Page, query.PageSize, cancellationToken);
}
