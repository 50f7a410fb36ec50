using AlexaLinkHub.Application.Audit;
using AlexaLinkHub.Application.Common.Models;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlexaLinkHub.Web.Api;

internal static class AuditEndpoints
{
    public static void MapAuditEndpoints(this RouteGroupBuilder tenant) =>
        tenant.MapGet("/audit", List).WithTags("Audit").WithSummary("The tenant's audit log, newest first; filter by time, actor, action and target.")
            .WithDescription("Keyset-paged by time and id: follow next / previous (opaque cursors) with ?after=; after wins over page. " +
                "totalCount is exact up to 10000 (totalIsExact); a cursor of another list, tenant or filter is 400.");

    private static async Task<Ok<Page<AuditEventDto>>> List(
        DateTimeOffset? from, DateTimeOffset? to, string? actor, string? action, string? target, int? page, int? pageSize, string? after,
        ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListAuditEvents { From = from, To = to, Actor = actor, Action = action, Target = target, Page = page, PageSize = pageSize, After = after }, ct));
}
