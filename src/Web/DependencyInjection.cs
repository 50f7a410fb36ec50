using System.Net;
using System.Text.Json;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.Web.Admin;
using AlexaLinkHub.Web.Api;
using AlexaLinkHub.Web.ErrorMapping;
using AlexaLinkHub.Web.Hosting;
using AlexaLinkHub.Web.Jobs;
using AlexaLinkHub.Web.RateLimiting;
using AlexaLinkHub.Web.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace AlexaLinkHub.Web;

public static class DependencyInjection
{
    public const string ApiPolicy = "AdminApi";

    public static IHostApplicationBuilder AddWebServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var appSection = builder.Configuration.GetSection(AppOptions.SectionName);
        services.Configure<AppOptions>(appSection);
        var app = appSection.Get<AppOptions>() ?? new AppOptions();

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Behind TLS termination the issuer and every URL we print must say https: trust X-Forwarded-* from the
            // configured proxies only (loopback is trusted by default).
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in app.TrustedProxies)
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in app.TrustedNetworks)
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });

        services.Configure<HostOptions>(options => options.ShutdownTimeout = app.ShutdownTimeout);
        services.AddSingleton<IPublicUrls, PublicUrls>();
        services.AddProblemDetails();
        // A body or parameter that cannot be read is a 400 problem+json in every environment (ProblemMapping), not an
        // empty 400 outside Development.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        // First an outage (503, whatever the endpoint), then the application's own exceptions (4xx problem+json).
        services.AddExceptionHandler<OutageResponses>();
        services.AddExceptionHandler<ProblemMapping>();

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, policy => policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser());

        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "AlexaLinkHub admin API";
            document.Info.Description = "Onboard tenants, register Alexa skills, manage end users, API keys and the audit log. Authenticate with 'Authorization: Bearer <api key>'.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["ApiKey"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key (platform or tenant scoped).",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", document)] = [] }];
            return Task.CompletedTask;
        }));

        services.AddTelemetry(builder.Configuration);
        services.AddHealthChecks().AddCheck<DatabaseReadinessCheck>("database", tags: ["ready"]);
        services.AddTenantPages(builder.Configuration);
        services.AddAdminArea();

        return builder;
    }

    public static WebApplication UseWebPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseAccessLog();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.UseMiddleware<HttpsRequirementMiddleware>();
        // Health answers before anything that needs a migrated database (authentication builds OpenIddict's options).
        app.UseHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealth });
        app.UseHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteHealth });
        app.UseEdgeRateLimits();
        app.UseTenantResolution();
        app.UseMiddleware<ActorMiddleware>();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseJobsDashboard();
        app.UsePageRateLimits();
        return app;
    }

    public static WebApplication MapWebEndpoints(this WebApplication app)
    {
        app.MapMetrics();
        app.MapOpenApi();
        app.MapScalarApiReference(options => options.WithTitle("AlexaLinkHub admin API"));

        app.MapTenantPages();

        var api = app.MapGroup("/api/v1").RequireAuthorization(ApiPolicy);
        var tenant = api.MapGroup("/tenants/{slug}").AddEndpointFilter<TenantScopeFilter>();
        api.MapTenantsEndpoints(tenant);
        api.MapPlatformEndpoints();
        tenant.MapSkillsEndpoints();
        tenant.MapUsersEndpoints();
        tenant.MapUserImportsEndpoints();
        tenant.MapLegacySignInEndpoints();
        tenant.MapApiKeysEndpoints();
        tenant.MapAuditEndpoints();
        tenant.MapDashboardEndpoints();
        tenant.MapLinksEndpoints();
        tenant.MapWebhooksEndpoints();
        tenant.MapIdentityProvidersEndpoints();
        return app;
    }

    private static Task WriteHealth(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }
}
