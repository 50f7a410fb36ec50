namespace AlexaLinkHub.Application.Maintenance;

/// <summary>Configuration section <c>Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    /// <summary>Audit events older than this many days are deleted by the daily trim job.</summary>
    public int RetentionDays { get; set; } = 365;
}

/// <summary>Configuration section <c>OAuth</c> (the part the pruning job reads).</summary>
public sealed class TokenPruningOptions
{
    public const string SectionName = "OAuth";

    /// <summary>Revoked, expired or redeemed tokens and ended grants are kept this long after they were created (for
    /// the admin views and investigations), then deleted.</summary>
    public TimeSpan PruneAfter { get; set; } = TimeSpan.FromDays(14);
}
