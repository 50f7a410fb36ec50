using AlexaLinkHub.Application.Dashboard;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlexaLinkHub.Web.Api;

internal static class DashboardEndpoints
{
    public static void MapDashboardEndpoints(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/dashboard", Get).WithTags("Dashboard")
            .WithSummary("The dashboard's numbers over 7, 30 or 90 days: per day, per skill, failed links by reason, webhook failures of the last 24 h.");
        tenant.MapGet("/dashboard.csv", Csv).WithTags("Dashboard").WithSummary("The same numbers as CSV (metric,key,value).");
    }

    private static async Task<Ok<DashboardDto>> Get(int? days, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetDashboard { Days = days ?? GetDashboard.DefaultDays }, ct));

    private static async Task<FileContentHttpResult> Csv(int? days, ISender sender, CancellationToken ct)
    {
        var csv = await sender.Send(new ExportDashboard { Days = days ?? GetDashboard.DefaultDays }, ct);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", "dashboard.csv");
    }
}
