namespace AlexaLinkHub.Application.Bootstrap;

/// <summary>Configuration section <c>Bootstrap</c>: the first credentials, for a newcomer and for automation.</summary>
public sealed class BootstrapOptions
{
    public const string SectionName = "Bootstrap";
    public const string GeneratedAdminEmail = "admin@alexalinkhub.local";

    /// <summary>A platform API key accepted as given (stored hashed).</summary>
    public string? PlatformApiKey { get; set; }

    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }
}
