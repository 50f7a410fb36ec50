using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.Audit;

/// <summary>Who did what to which target, when and from where. Immutable. Details never contain secrets.</summary>
public sealed class AuditEvent : ITenantOrPlatformOwned
{
    public const int DetailsMaxLength = 4000;

    private AuditEvent()
    {
        Actor = null!;
        Action = null!;
        Target = null!;
    }

    public Guid Id { get; private set; }
    public Guid? TenantId { get; private set; }
    public string Actor { get; private set; }
    public string Action { get; private set; }
    public string Target { get; private set; }
    public string? Details { get; private set; }
    public string? SourceIp { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }

    public static AuditEvent Record(Guid? tenantId, string actor, string action, string target, string? details, string? sourceIp, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(actor) || string.IsNullOrWhiteSpace(action) || string.IsNullOrWhiteSpace(target))
            throw new DomainException("An audit event names an actor, an action and a target.");
        return new AuditEvent
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            Actor = Truncate(actor, 200),
            Action = Truncate(action, 100),
            Target = Truncate(target, 300),
            Details = details is null ? null : Truncate(details, DetailsMaxLength),
            SourceIp = sourceIp is null ? null : Truncate(sourceIp, 64),
            OccurredAt = now,
        };
    }

    public const string RedactedDetails = "[redacted: personal data erased]";

    /// <summary>The one exception to immutability: when a person's data is erased, the event keeps what happened and to
    /// which id, but loses the source IP and any details that quote one of <paramref name="personalValues"/>.</summary>
    public void Anonymise(IReadOnlyCollection<string> personalValues)
    {
        SourceIp = null;
        if (Details is not null && personalValues.Any(v => v.Length > 0 && Details.Contains(v, StringComparison.OrdinalIgnoreCase)))
            Details = RedactedDetails;
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
