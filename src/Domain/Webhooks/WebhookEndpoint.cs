using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.Webhooks;

/// <summary>A vendor's receiver for events of its tenant. The signing secret is kept only in protected (encrypted) form:
/// we must be able to sign with it, so it cannot be hashed; the plain secret is shown once, when the endpoint is made.</summary>
public sealed class WebhookEndpoint : ITenantOwned
{
    public const int MaxPerTenant = 10;

    private List<string> _events = [];

    private WebhookEndpoint()
    {
        Url = null!;
        ProtectedSecret = null!;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Url { get; private set; }
    public IReadOnlyList<string> Events => _events;
    public string ProtectedSecret { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A disabled endpoint keeps its settings and history but gets no new events (a test event still goes).</summary>
    public bool Enabled { get; private set; }

    public static WebhookEndpoint Create(Guid tenantId, string? url, IReadOnlyList<string>? events, string protectedSecret, bool allowLoopback, DateTimeOffset now)
    {
        if (tenantId == Guid.Empty)
            throw new DomainException("A webhook belongs to a tenant.");
        if (string.IsNullOrWhiteSpace(protectedSecret))
            throw new DomainException("A webhook needs its signing secret.");
        return new WebhookEndpoint
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            Url = WebhookUrl.Validate(url, allowLoopback),
            _events = ValidateEvents(events),
            ProtectedSecret = protectedSecret,
            CreatedAt = now,
            Enabled = true,
        };
    }

    public bool IsSubscribedTo(string eventType) => Enabled && _events.Contains(eventType, StringComparer.Ordinal);

    public void Disable() => Enabled = false;

    public void Enable() => Enabled = true;

    public static List<string> ValidateEvents(IReadOnlyList<string>? events)
    {
        if (events is null || events.Count == 0)
            throw new DomainException($"Name at least one event: {string.Join(", ", WebhookEvents.Subscribable)}.", "events");
        for (var i = 0; i < events.Count; i++)
        {
            if (!WebhookEvents.IsSubscribable(events[i]))
                throw new DomainException($"Unknown event '{events[i]}'. Known events: {string.Join(", ", WebhookEvents.Subscribable)}.", $"events[{i}]");
        }
        return events.Distinct(StringComparer.Ordinal).ToList();
    }
}
