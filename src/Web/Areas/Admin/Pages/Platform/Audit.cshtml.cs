using AlexaLinkHub.Application.Audit;
using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Web.Admin;
using Mediator;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Platform;

/// <summary>The platform's own audit events (those of no tenant), for platform admins.</summary>
public sealed class AuditModel(ISender sender, TimeProvider clock) : AuditLogPageModel(clock)
{
    public override string BasePath => AdminPaths.PlatformAudit;

    protected override string ExportName => "platform";

    protected override Task<Page<AuditEventDto>> ListAsync(AuditFilter f, string? after, int pageSize) =>
        sender.Send(new ListPlatformAuditEvents { From = f.From, To = f.To, Actor = f.Actor, Action = f.Action, Target = f.Target, PageSize = pageSize, After = after }).AsTask();

    protected override Task<AuditExport> ExportAsync(AuditFilter f) =>
        sender.Send(new ExportPlatformAuditEvents { From = f.From, To = f.To, Actor = f.Actor, Action = f.Action, Target = f.Target }).AsTask();
}
