using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace AlexaLinkHub.SkillBackend;

/// <summary>One verified webhook event and how many cached answers it evicted.</summary>
public sealed record WebhookEvent(string Id, string Type, string? ClientId, string? UserId, string? Reason, int Evicted);

/// <summary>Counters since start: cache hits, introspection calls made, answers evicted by webhooks, answers cached.</summary>
public sealed record AlexaLinkHubStats(long Hits, long Introspections, long Evictions, int Cached);

/// <summary>The skill backend's side of AlexaLinkHub: turns an access token into the linked user, introspecting at most
/// about once per user and minute, and forgets an answer as soon as a signed webhook says the link ended.</summary>
public sealed class AlexaLinkHubClient
{
    /// <summary>The events after which a cached "active" answer must go: the link ended (docs/webhooks.md).</summary>
    public static readonly IReadOnlyList<string> EvictingEvents = ["token.revoked", "account.unlinked", "user.disabled"];

    private readonly AlexaLinkHubOptions _options;
    private readonly IntrospectionClient _introspection;
    private readonly TimeProvider _clock;
    private readonly LinkCache _cache;
    private readonly ConcurrentDictionary<string, Lazy<Task<LinkState>>> _inFlight = new(StringComparer.Ordinal);
    private long _hits;
    private long _introspections;
    private long _evictions;

    public AlexaLinkHubClient(IHttpClientFactory httpClients, IOptions<AlexaLinkHubOptions> options, TimeProvider clock)
    {
        _options = options.Value;
        if (string.IsNullOrEmpty(_options.ClientId) || string.IsNullOrEmpty(_options.ClientSecret))
            throw new ArgumentException("AlexaLinkHub: ClientId and ClientSecret are required.", nameof(options));
        _introspection = new IntrospectionClient(httpClients.CreateClient(IntrospectionClient.HttpClientName), _options);
        _clock = clock;
        _cache = new LinkCache(_options.MaxEntries);
    }

    public Uri IntrospectionEndpoint => _introspection.Endpoint;

    public AlexaLinkHubStats Stats => new(Interlocked.Read(ref _hits), Interlocked.Read(ref _introspections), Interlocked.Read(ref _evictions), _cache.Count);

    /// <summary>What the token is worth right now. Never throws for an outage: that is <see cref="LinkState.Unavailable"/>.</summary>
    public Task<LinkState> ResolveAsync(string? accessToken, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(accessToken))
            return Task.FromResult<LinkState>(LinkState.NoToken);
        var key = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(accessToken)));
        if (_cache.Get(key, Now()) is { } cached)
        {
            Interlocked.Increment(ref _hits);
            return Task.FromResult(cached);
        }
        // Concurrent requests of one user share one call; it is not tied to any one request's cancellation.
        var call = _inFlight.GetOrAdd(key, k => new Lazy<Task<LinkState>>(() => IntrospectAsync(k, accessToken)));
        return call.Value.WaitAsync(cancellationToken);
    }

    /// <summary>Verifies and applies one webhook delivery (Standard Webhooks: HMAC-SHA256 over id, timestamp and raw
    /// body, timestamp within five minutes). Throws <see cref="WebhookVerificationException"/> when anything does not
    /// check out; nothing is evicted then.</summary>
    public WebhookEvent ReceiveWebhook(string body, IHeaderDictionary headers)
    {
        if (string.IsNullOrEmpty(_options.WebhookSecret))
            throw new InvalidOperationException("AlexaLinkHub: set WebhookSecret (whsec_…) to receive webhooks.");
        new StandardWebhook(_options.WebhookSecret).Verify(body, headers);

        string type;
        string? clientId = null, userId = null, reason = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            type = document.RootElement.GetProperty("type").GetString() ?? throw new WebhookVerificationException("The payload has no event type.");
            if (document.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
            {
                clientId = StringOf(data, "clientId");
                userId = StringOf(data, "userId");
                reason = StringOf(data, "reason");
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new WebhookVerificationException("The payload is not an AlexaLinkHub event.", ex);
        }

        var evicted = 0;
        if (EvictingEvents.Contains(type) && (clientId is null || clientId == _options.ClientId))
        {
            evicted = string.IsNullOrEmpty(userId) ? _cache.Clear() : _cache.EvictUser(userId);
            Interlocked.Add(ref _evictions, evicted);
        }
        return new WebhookEvent(headers["webhook-id"].ToString(), type, clientId, userId, reason, evicted);
    }

    private async Task<LinkState> IntrospectAsync(string key, string accessToken)
    {
        try
        {
            var startedAt = _cache.Epoch;
            Interlocked.Increment(ref _introspections);
            JsonElement answer;
            try
            {
                answer = await _introspection.IntrospectAsync(accessToken, CancellationToken.None);
            }
            catch (AlexaLinkHubUnavailableException ex)
            {
                return new LinkState.Unavailable(ex);
            }

            var now = Now();
            if (!answer.GetProperty("active").GetBoolean())
            {
                _cache.Set(key, LinkState.Inactive, null, now + (long)_options.NegativeTtl.TotalMilliseconds, now, startedAt);
                return LinkState.Inactive;
            }
            var user = ToUser(answer);
            var state = new LinkState.Linked(user);
            // Until min(exp, 60 s): an expired token is never served from the cache, and anything a webhook might miss
            // is corrected within a minute.
            var ttl = TimeSpan.FromTicks(Math.Min(_options.MaxActiveTtl.Ticks, AlexaLinkHubOptions.ActiveTtlCeiling.Ticks));
            var until = now + (long)ttl.TotalMilliseconds;
            if (user.ExpiresAt is { } exp)
                until = Math.Min(until, exp.ToUnixTimeMilliseconds());
            _cache.Set(key, state, user.Sub, until, now, startedAt);
            return state;
        }
        finally
        {
            _inFlight.TryRemove(key, out _);
        }
    }

    private LinkedUser ToUser(JsonElement answer)
    {
        var scope = StringOf(answer, "scope");
        return new LinkedUser(
            StringOf(answer, "sub") ?? string.Empty,
            StringOf(answer, "email"),
            StringOf(answer, "name"),
            StringOf(answer, "external_id"),
            scope is null ? [] : scope.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            StringOf(answer, "client_id") ?? _options.ClientId,
            StringOf(answer, "tenant"),
            answer.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null);
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private long Now() => _clock.GetUtcNow().ToUnixTimeMilliseconds();
}
