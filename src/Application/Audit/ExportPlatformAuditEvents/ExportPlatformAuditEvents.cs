using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Models;
using FluentValidation;
using Mediator;

namespace AlexaLinkHub.Application.Audit;

/// <summary>The platform's own audit events as CSV, the same columns and limit as a tenant's export.</summary>
public sealed record ExportPlatformAuditEvents : IQuery<AuditExport>, IPlatformAdminRequest, IAuditPeriod
{
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public string? Actor { get; init; }
    public string? Action { get; init; }
    public string? Target { get; init; }
}

public sealed class ExportPlatformAuditEventsValidator : AbstractValidator<ExportPlatformAuditEvents>
{
    public ExportPlatformAuditEventsValidator() => Include(new AuditPeriodRules<ExportPlatformAuditEvents>());
}

public sealed class ExportPlatformAuditEventsHandler(IAuditEventReader reader) : IQueryHandler<ExportPlatformAuditEvents, AuditExport>
{
    public async ValueTask<AuditExport> Handle(ExportPlatformAuditEvents query, CancellationToken cancellationToken)
    {
        var filter = new AuditFilter(query.From, query.To, query.Actor, query.Action, query.Target, PlatformOnly: true);
        return AuditExport.Of(await reader.ReadAsync(filter, KeysetRead<AuditPosition>.First(ExportAuditEvents.MaxRows), cancellationToken));
    }
}
