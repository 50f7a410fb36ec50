namespace AlexaLinkHub.Application.Webhooks;

/// <summary>Configuration section <c>Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Accept http://localhost-style URLs and deliver to loopback addresses (local development and tests only).
    /// Private and link-local addresses stay refused.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>How long one delivery attempt may take (connect, send, answer) before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
