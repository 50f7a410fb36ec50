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

    /// <summary>A page's <c>next</c> or <c>previous</c> cursor; it wins over <see cref="Page"/>.</summary>
    public string? After { get; init; }
}

public sealed class ListPlatformAuditEventsValidator : AbstractValidator<ListPlatformAuditEvents>
{
    public ListPlatformAuditEventsValidator() => Include(new AuditPeriodRules<ListPlatformAuditEvents>());
}

public sealed class ListPlatformAuditEventsHandler(IAuditEventReader reader) : IQueryHandler<ListPlatformAuditEvents, Page<AuditEventDto>>
{
    public async ValueTask<Page<AuditEventDto>> Handle(ListPlatformAuditEvents query, CancellationToken cancellationToken)
    {
        var filter = new AuditFilter(query.From, query.To, query.Actor, query.Action, query.Target, PlatformOnly: true);
        return await AuditPages.ReadAsync(reader, "platform-audit", null, filter, query.After, query.Page, query.PageSize, cancellationToken);
    }
}
