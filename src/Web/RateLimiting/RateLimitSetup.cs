using System.Threading.RateLimiting;
using AlexaLinkHub.Web.Tenancy;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Web.RateLimiting;

/// <summary>Fair limits with ASP.NET Core's rate limiter (partitioned token buckets), in two places:
/// <list type="bullet">
/// <item>At the edge, before tenant resolution (no database work for a request that is refused): the OAuth endpoints per
/// skill and per tenant (one vendor's runaway backend cannot starve the others), the admin API per key, and the admin
/// sign-in per client address. Refused with 429, <c>Retry-After</c> and JSON.</item>
/// <item>After tenant resolution: the tenant pages per client address and tenant (and the account forms, stricter),
/// refused with the tenant's own branded page in the visitor's language.</item>
/// </list>
/// The client address is the connection's, or X-Forwarded-For only from a trusted proxy (<c>App:TrustedProxies</c>).</summary>
internal static class RateLimitSetup
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.SectionName));
        services.AddSingleton<EdgeLimiter>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                // Tenant pages (not the OAuth endpoints, limited at the edge), per client address and tenant.
                if (context.Tenant() is not { } tenant || context.Features.Get<RateLimitSubject>() is { Kind: RateLimitSubject.Kinds.OAuth })
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                var limits = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;
                return RateLimitPartition.GetTokenBucketLimiter($"{tenant.Slug}|{context.Connection.RemoteIpAddress}", _ => limits.TenantPagesPerIpOf(tenant.Slug).ToLimiter());
            });
            // Per client address and tenant, POSTs only: reading the form is free, submitting it is counted.
            options.AddPolicy(TenantPagesSetup.AccountFormsPolicy, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                var limits = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;
                return RateLimitPartition.GetFixedWindowLimiter(
                    $"{context.Connection.RemoteIpAddress}|{context.Request.PathBase}",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.AccountFormsPermitLimit, Window = limits.AccountFormsWindow, QueueLimit = 0 });
            });
            options.OnRejected = (context, cancellationToken) => RateLimitRejections.WritePageAsync(context.HttpContext, context.Lease, cancellationToken);
        });
        return services;
    }

    /// <summary>Right after forwarded headers and health: the OAuth, API and admin sign-in limits.</summary>
    public static WebApplication UseEdgeRateLimits(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            context.Features.Set(await RateLimitSubject.OfAsync(context));
            await next(context);
        });
        var edge = app.Services.GetRequiredService<EdgeLimiter>();
        app.UseRateLimiter(new RateLimiterOptions
        {
            GlobalLimiter = edge.Limiter,
            RejectionStatusCode = StatusCodes.Status429TooManyRequests,
            OnRejected = (context, cancellationToken) => RateLimitRejections.WriteEdgeAsync(context.HttpContext, context.Lease, cancellationToken),
        });
        return app;
    }

    /// <summary>The tenant pages' limits: after tenant resolution and localisation, so the refusal page is branded.</summary>
    public static WebApplication UsePageRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }
}

/// <summary>The edge's limiters, chained: per skill, per tenant, per API key, per address on the admin sign-in. A request
/// takes a permit from each that applies to it (the others are no-limiter partitions).</summary>
internal sealed class EdgeLimiter(IOptionsMonitor<RateLimitOptions> options)
{
    public PartitionedRateLimiter<HttpContext> Limiter { get; } = PartitionedRateLimiter.CreateChained(
        PartitionedRateLimiter.Create<HttpContext, string>(context => Subject(context) is { Kind: RateLimitSubject.Kinds.OAuth, Client: { } client } subject
            ? RateLimitPartition.GetTokenBucketLimiter($"{subject.Tenant}|{client}", _ => options.CurrentValue.OAuthPerClientOf(subject.Tenant!).ToLimiter())
            : RateLimitPartition.GetNoLimiter(string.Empty)),
        PartitionedRateLimiter.Create<HttpContext, string>(context => Subject(context) is { Kind: RateLimitSubject.Kinds.OAuth } subject
            ? RateLimitPartition.GetTokenBucketLimiter(subject.Tenant!, _ => options.CurrentValue.OAuthPerTenantOf(subject.Tenant!).ToLimiter())
            : RateLimitPartition.GetNoLimiter(string.Empty)),
        PartitionedRateLimiter.Create<HttpContext, string>(context => Subject(context) is { Kind: RateLimitSubject.Kinds.Api, Key: { } key }
            ? RateLimitPartition.GetTokenBucketLimiter(key, _ => options.CurrentValue.ApiPerKey.ToLimiter())
            : RateLimitPartition.GetNoLimiter(string.Empty)),
        PartitionedRateLimiter.Create<HttpContext, string>(context => Subject(context) is { Kind: RateLimitSubject.Kinds.AdminSignIn, Key: { } address }
            ? RateLimitPartition.GetTokenBucketLimiter(address, _ => options.CurrentValue.AdminSignInPerIp.ToLimiter())
            : RateLimitPartition.GetNoLimiter(string.Empty)));

    private static RateLimitSubject Subject(HttpContext context) => context.Features.Get<RateLimitSubject>() ?? RateLimitSubject.Unlimited;
}
