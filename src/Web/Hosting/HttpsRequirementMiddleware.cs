using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Web.Hosting;

/// <summary>Outside Development every page and API call needs HTTPS (Alexa requires it for the authorization URI).
/// Safe requests are redirected; anything else is refused rather than silently re-sent. Health probes and the Prometheus
/// scrape endpoint (kept on an internal port) are exempt so a load balancer or Prometheus can reach an instance over plain HTTP.</summary>
internal sealed class HttpsRequirementMiddleware(RequestDelegate next, IOptions<AppOptions> options, IHostEnvironment environment)
{
    private readonly bool _required = options.Value.RequireHttps ?? !environment.IsDevelopment();

    public async Task InvokeAsync(HttpContext context)
    {
        if (!_required || context.Request.IsHttps || context.Request.Path.StartsWithSegments("/health")
            || context.Request.Path.StartsWithSegments("/metrics"))
        {
            await next(context);
            return;
        }

        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            var request = context.Request;
            var target = $"https://{request.Host.Host}{request.PathBase}{request.Path}{request.QueryString}";
            context.Response.Redirect(target, permanent: true, preserveMethod: true);
            return;
        }

        await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "HTTPS is required.",
            detail: "Send this request over HTTPS.").ExecuteAsync(context);
    }
}
