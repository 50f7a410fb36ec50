using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Models;
using FluentValidation;
using Mediator;

namespace AlexaLinkHub.Application.Audit;

/// <summary>The platform's own audit events — those of no tenant (platform admins signing in, tenants created, signing
/// keys rotated…) — with the same filters as a tenant's log. Sent in the platform scope.</summary>
public sealed record ListPlatformAuditEvents : IQuery<Page<AuditEventDto>>, IPlatformAdminRequest, IAuditPeriod
{
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public string? Actor { get; init; }
    public string? Action { get; init; }
    public string? Target { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed class ListPlatformAuditEventsValidator : AbstractValidator<ListPlatformAuditEvents>
{
    public ListPlatformAuditEventsValidator() => Include(new AuditPeriodRules<ListPlatformAuditEvents>());
}

public sealed class ListPlatformAuditEventsHandler(IAuditEventReader reader) : IQueryHandler<ListPlatformAuditEvents, Page<AuditEventDto>>
{
    public async ValueTask<Page<AuditEventDto>> Handle(ListPlatformAuditEvents query, CancellationToken cancellationToken)
    {
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var filter = new AuditFilter(query.From, query.To, query.Actor, query.Action, query.Target, PlatformOnly: true);
        return AuditEventDto.Page(await reader.QueryAsync(filter, page, size, cancellationToken));
    }
}
