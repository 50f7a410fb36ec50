using AlexaLinkHub.Application.Audit;
using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Web.Admin;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Tenant;

/// <summary>The tenant's audit log.</summary>
public sealed class AuditModel(ISender sender, TimeProvider clock) : AuditLogPageModel(clock)
{
    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    public override string BasePath => $"{AdminPaths.Tenant(Slug)}/audit";

    protected override string ExportName => Slug;

    protected override Task<Page<AuditEventDto>> ListAsync(AuditFilter f, string? after, int pageSize) =>
        sender.Send(new ListAuditEvents { From = f.From, To = f.To, Actor = f.Actor, Action = f.Action, Target = f.Target, PageSize = pageSize, After = after }).AsTask();

    protected override Task<AuditExport> ExportAsync(AuditFilter f) =>
        sender.Send(new ExportAuditEvents { From = f.From, To = f.To, Actor = f.Actor, Action = f.Action, Target = f.Target }).AsTask();
}
