using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;

namespace AlexaLinkHub.Web.RateLimiting;

/// <summary>What a refused request gets: always 429 with <c>Retry-After</c> (RFC 9110 §10.2.3, RFC 6585 §4) and no
/// caching. The OAuth endpoints answer JSON in their own error shape (RFC 6749 §5.2's <c>error</c>, with
/// <c>temporarily_unavailable</c> as §4.1.2.1 names an overloaded server), the admin API problem+json, the tenant pages
/// the tenant's branded page in the visitor's language, the admin sign-in a plain page.</summary>
internal static class RateLimitRejections
{
    public static async ValueTask WriteEdgeAsync(HttpContext context, RateLimitLease lease, CancellationToken cancellationToken)
    {
        var seconds = Prepare(context, lease);
        switch (context.Features.Get<RateLimitSubject>()?.Kind)
        {
            case RateLimitSubject.Kinds.OAuth:
                context.Response.ContentType = "application/json; charset=utf-8";
                await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string>
                {
                    ["error"] = "temporarily_unavailable",
                    ["error_description"] = $"Too many requests for this client or tenant. Retry after {seconds} seconds.",
                }), cancellationToken);
                break;
            case RateLimitSubject.Kinds.Api:
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                    detail: $"This API key sent too many requests. Retry after {seconds} seconds.").ExecuteAsync(context);
                break;
            default:
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(
                    "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
                    "<title>Too many attempts · AlexaLinkHub admin</title><link rel=\"stylesheet\" href=\"/css/admin.css\"><main id=\"main\"><div class=\"panel narrow\">" +
                    $"<h1>Too many attempts</h1><p>Too many sign-in attempts from this network. Wait {seconds} seconds and try again.</p></div></main></html>",
                    cancellationToken);
                break;
        }
    }

    /// <summary>A tenant page: rendered with the tenant's layout (name, logo, colours) and localised texts.</summary>
    public static async ValueTask WritePageAsync(HttpContext context, RateLimitLease lease, CancellationToken cancellationToken)
    {
        var seconds = Prepare(context, lease);
        if (context.Features.Get<Tenancy.TenantSiteFeature>() is null)
        {
            await context.Response.WriteAsync($"Too many requests. Retry after {seconds} seconds.", cancellationToken);
            return;
        }
        var services = context.RequestServices;
        var view = new ViewResult
        {
            ViewName = "/Pages/Shared/TooManyRequests.cshtml",
            StatusCode = StatusCodes.Status429TooManyRequests,
            ViewData = new ViewDataDictionary(services.GetRequiredService<Microsoft.AspNetCore.Mvc.ModelBinding.IModelMetadataProvider>(), new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary()),
        };
        await view.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
    }

    private static int Prepare(HttpContext context, RateLimitLease lease)
    {
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;
        var response = context.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        return seconds;
    }
}
