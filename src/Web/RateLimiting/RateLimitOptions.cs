using System.Threading.RateLimiting;

namespace AlexaLinkHub.Web.RateLimiting;

/// <summary>Configuration section <c>RateLimits</c>. Every limit is a token bucket: <see cref="Bucket.Permits"/> per
/// <see cref="Bucket.Period"/>, bursts up to <see cref="Bucket.Burst"/>. The OAuth and page limits can be overridden per
/// tenant under <c>RateLimits:Tenants:{slug}</c>. Limits are per instance (in memory): behind a load balancer with N
/// instances a tenant gets up to N times its limit — size them per instance.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Token, introspection and revocation requests per skill (client id from HTTP Basic or the form).</summary>
    public Bucket OAuthPerClient { get; set; } = new() { Permits = 1000, Burst = 1000 };

    /// <summary>Token, introspection, revocation and userinfo requests per tenant, all skills together.</summary>
    public Bucket OAuthPerTenant { get; set; } = new() { Permits = 2000, Burst = 2000 };

    /// <summary>Tenant pages (login, authorize, sign-up, account…) per client address and tenant.</summary>
    public Bucket TenantPagesPerIp { get; set; } = new() { Permits = 10, Burst = 60 };

    /// <summary>Admin sign-in submissions (password, second factor, step-up) per client address.</summary>
    public Bucket AdminSignInPerIp { get; set; } = new() { Permits = 10, Period = TimeSpan.FromMinutes(1), Burst = 10 };

    /// <summary>Admin API requests per API key (per client address without one).</summary>
    public Bucket ApiPerKey { get; set; } = new() { Permits = 100, Burst = 200 };

    /// <summary>Sign-up and forgot-password submissions per client address and tenant (admin forgot/reset/invitation too).</summary>
    public int AccountFormsPermitLimit { get; set; } = 10;
    public TimeSpan AccountFormsWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Per-tenant overrides, by slug.</summary>
    public Dictionary<string, TenantLimits> Tenants { get; set; } = new(StringComparer.Ordinal);

    public Bucket OAuthPerClientOf(string slug) => Tenants.TryGetValue(slug, out var own) && own.OAuthPerClient is { } b ? b : OAuthPerClient;

    public Bucket OAuthPerTenantOf(string slug) => Tenants.TryGetValue(slug, out var own) && own.OAuthPerTenant is { } b ? b : OAuthPerTenant;

    public Bucket TenantPagesPerIpOf(string slug) => Tenants.TryGetValue(slug, out var own) && own.TenantPagesPerIp is { } b ? b : TenantPagesPerIp;

    public sealed class TenantLimits
    {
        public Bucket? OAuthPerClient { get; set; }
        public Bucket? OAuthPerTenant { get; set; }
        public Bucket? TenantPagesPerIp { get; set; }
    }

    public sealed class Bucket
    {
        public int Permits { get; set; }
        public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(1);
        public int Burst { get; set; }

        public TokenBucketRateLimiterOptions ToLimiter() => new()
        {
            TokenLimit = Math.Max(1, Math.Max(Burst, Permits)),
            TokensPerPeriod = Math.Max(1, Permits),
            ReplenishmentPeriod = Period > TimeSpan.Zero ? Period : TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }
}
