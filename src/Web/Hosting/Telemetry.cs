using AlexaLinkHub.Application.Common.Telemetry;
using Microsoft.AspNetCore.HttpLogging;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AlexaLinkHub.Web.Hosting;

/// <summary>Configuration section <c>Telemetry</c>.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>Serve the Prometheus scrape endpoint <c>/metrics</c> only on this port (add it to ASPNETCORE_URLS, keep
    /// it off the load balancer). Without it and without <see cref="MetricsKey"/> there is no scrape endpoint.</summary>
    public int? MetricsPort { get; set; }

    /// <summary>Or serve <c>/metrics</c> on any port to <c>Authorization: Bearer {MetricsKey}</c> only.</summary>
    public string? MetricsKey { get; set; }

    /// <summary>Names this instance in every trace and metric (<c>service.instance.id</c>).</summary>
    public string? ServiceInstanceId { get; set; }
}

/// <summary>OpenTelemetry: traces and metrics of ASP.NET Core, HttpClient and Npgsql (the EF Core queries), the
/// business meter (<see cref="LinkHubMetrics"/>), exported by OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the
/// standard variables configure it) and scraped by Prometheus at <c>/metrics</c> (<see cref="TelemetryOptions"/>).</summary>
internal static class Telemetry
{
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        services.Configure<TelemetryOptions>(configuration.GetSection(TelemetryOptions.SectionName));
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var builder = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("AlexaLinkHub", serviceInstanceId: options.ServiceInstanceId ?? Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddNpgsqlInstrumentation().AddMeter(LinkHubMetrics.MeterName);
                if (options.MetricsPort is not null || !string.IsNullOrEmpty(options.MetricsKey))
                    metrics.AddPrometheusExporter();
                if (otlp)
                    metrics.AddOtlpExporter();
            });
        // One access-log line per request (category Microsoft.AspNetCore.HttpLogging, Information in production): method,
        // path, status and duration, never the query string or headers (codes, tokens and cookies travel there). Like
        // every line written during a request it carries the request's TraceId and SpanId (the host's activity tracking).
        services.AddHttpLogging(o =>
        {
            o.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            o.CombineLogs = true;
        });
        if (otlp)
        {
            // Traces go only where someone collects them; ASP.NET Core's and HttpClient's redact query strings.
            builder.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation().AddNpgsql().AddOtlpExporter());
        }
        return services;
    }

    /// <summary>The access log, for everything but the health probes and the scrape endpoint (polled every few seconds).
    /// Early in the pipeline, so it logs the status the client received (after the exception handler).</summary>
    public static void UseAccessLog(this WebApplication app) =>
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/health") && !c.Request.Path.StartsWithSegments("/metrics"),
            branch => branch.UseHttpLogging());

    public static void MapMetrics(this WebApplication app)
    {
        var options = app.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.MetricsPort is { } port)
            app.MapPrometheusScrapingEndpoint("/metrics").RequireHost($"*:{port}");
        else if (!string.IsNullOrEmpty(options.MetricsKey))
        {
            app.UseWhen(c => c.Request.Path.StartsWithSegments("/metrics"), branch => branch.Use(async (context, next) =>
            {
                if (!string.Equals(context.Request.Headers.Authorization, $"Bearer {options.MetricsKey}", StringComparison.Ordinal))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
                await next(context);
            }));
            app.MapPrometheusScrapingEndpoint("/metrics");
        }
    }
}
