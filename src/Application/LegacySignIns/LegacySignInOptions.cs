namespace AlexaLinkHub.Application.LegacySignIns;

/// <summary>Configuration section <c>LegacySignIn</c>.</summary>
public sealed class LegacySignInOptions
{
    public const string SectionName = "LegacySignIn";

    /// <summary>The most a call to a vendor's legacy sign-in endpoint may take: the user is waiting on the login page.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromSeconds(3);

    /// <summary>How long one call may take (connect, send, answer); never more than <see cref="MaxTimeout"/>.</summary>
    public TimeSpan Timeout { get; set; } = MaxTimeout;

    public TimeSpan EffectiveTimeout => Timeout <= TimeSpan.Zero || Timeout > MaxTimeout ? MaxTimeout : Timeout;
}
