namespace AlexaLinkHub.Application.Linking;

/// <summary>Configuration section <c>Linking</c>.</summary>
public sealed class LinkingOptions
{
    public const string SectionName = "Linking";

    /// <summary>Live links (each with its tokens) kept per user and skill. A household may link one vendor account from
    /// several Amazon accounts, so relinking keeps earlier tokens — up to this cap; beyond it the oldest is revoked.</summary>
    public int MaxLiveLinksPerUserAndSkill { get; set; } = 5;
}

/// <summary>Configuration section <c>SignIn</c>: lockout of the end-user login page.</summary>
public sealed class SignInOptions
{
    public const string SectionName = "SignIn";

    public int MaxFailedAttempts { get; set; } = 5;
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failures further apart than this do not add up.</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);
}
