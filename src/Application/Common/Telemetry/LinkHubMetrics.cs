using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AlexaLinkHub.Application.Common.Telemetry;

/// <summary>The business metrics (meter <c>AlexaLinkHub</c>, exported by OpenTelemetry: Prometheus and OTLP): links,
/// link failures by reason, introspections by result, tokens issued and revoked, webhook deliveries by outcome — each
/// tagged by tenant with bounded
/// cardinality — the first <see cref="MaxTenantTags"/> tenants an instance sees keep their slug, the rest count as
/// <c>_other</c> — so 10 k tenants cannot blow up a time-series database — and failed background jobs by job (a fixed
/// set of methods). Recording is an in-memory add: nothing on the introspection path waits for it.</summary>
public static class LinkHubMetrics
{
    public const string MeterName = "AlexaLinkHub";
    public const int MaxTenantTags = 200;
    private const string OtherTenants = "_other";
    private const string TenantTag = "tenant";

    private static readonly Meter s_meter = new(MeterName);
    private static readonly Counter<long> s_links = s_meter.CreateCounter<long>("alh.links", description: "Accounts linked.");
    private static readonly Counter<long> s_linkFailures = s_meter.CreateCounter<long>("alh.link.failures", description: "Failed link attempts, by reason.");
    private static readonly Counter<long> s_introspections = s_meter.CreateCounter<long>("alh.introspections", description: "RFC 7662 introspections, by result.");
    private static readonly Counter<long> s_tokensIssued = s_meter.CreateCounter<long>("alh.tokens.issued", description: "Access and refresh tokens issued, by type.");
    private static readonly Counter<long> s_linksEnded = s_meter.CreateCounter<long>("alh.tokens.revoked", description: "Links whose tokens were revoked, by reason.");
    private static readonly Counter<long> s_webhookDeliveries = s_meter.CreateCounter<long>("alh.webhook.deliveries", description: "Webhook delivery attempts, by outcome (delivered, retry, failed).");
    private static readonly Counter<long> s_jobFailures = s_meter.CreateCounter<long>("alh.jobs.failed", description: "Background job runs that ended in an exception, by job.");
    private static readonly ConcurrentDictionary<string, byte> s_tenants = new(StringComparer.Ordinal);

    public static void Linked(string? tenant) => s_links.Add(1, Tenant(tenant));

    public static void LinkFailed(string? tenant, string reason) => s_linkFailures.Add(1, Tenant(tenant), new("reason", reason));

    public static void Introspected(string? tenant, bool active) => s_introspections.Add(1, Tenant(tenant), new("result", active ? "active" : "inactive"));

    public static void TokenIssued(string? tenant, string type) => s_tokensIssued.Add(1, Tenant(tenant), new("type", type));

    public static void TokensRevoked(string? tenant, string reason) => s_linksEnded.Add(1, Tenant(tenant), new("reason", reason));

    public static void WebhookAttempted(string? tenant, string outcome) => s_webhookDeliveries.Add(1, Tenant(tenant), new("outcome", outcome));

    public static void JobFailed(string job) => s_jobFailures.Add(1, new KeyValuePair<string, object?>("job", job));

    private static KeyValuePair<string, object?> Tenant(string? slug)
    {
        if (string.IsNullOrEmpty(slug))
            return new(TenantTag, OtherTenants);
        if (s_tenants.ContainsKey(slug) || (s_tenants.Count < MaxTenantTags && s_tenants.TryAdd(slug, 0)))
            return new(TenantTag, slug);
        return new(TenantTag, OtherTenants);
    }
}
