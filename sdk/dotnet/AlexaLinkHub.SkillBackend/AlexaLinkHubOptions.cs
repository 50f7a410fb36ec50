namespace AlexaLinkHub.SkillBackend;

/// <summary>What a skill backend needs to know about its AlexaLinkHub skill (the values of its registration).</summary>
public sealed class AlexaLinkHubOptions
{
    /// <summary>The tenant issuer, <c>https://host/t/{slug}</c>; plain <c>http:</c> only on a loopback address.</summary>
    public string Issuer { get; set; } = string.Empty;

    public string ClientId { get; set; } = string.Empty;

    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>The webhook's signing secret (<c>whsec_…</c>), needed to receive webhooks.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Time limit of one introspection call.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long an active answer is kept: at most 60 s, and never beyond the token's <c>exp</c>.</summary>
    public TimeSpan MaxActiveTtl { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an inactive answer is kept.</summary>
    public TimeSpan NegativeTtl { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Cached answers kept at most; the least recently used goes first.</summary>
    public int MaxEntries { get; set; } = 10_000;

    /// <summary>Check Amazon's request signature and timestamp on every Alexa request. Switch off only for local tests.</summary>
    public bool VerifyAlexaSignature { get; set; } = true;

    internal static readonly TimeSpan ActiveTtlCeiling = TimeSpan.FromSeconds(60);
}
