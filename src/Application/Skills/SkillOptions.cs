namespace AlexaLinkHub.Application.Skills;

/// <summary>Configuration section <c>Skills</c>.</summary>
public sealed class SkillOptions
{
    public const string SectionName = "Skills";

    /// <summary>How long the previous client secret keeps working after a rotation (Alexa uses the old one until the
    /// vendor edits the console).</summary>
    public TimeSpan SecretRotationOverlap { get; set; } = TimeSpan.FromHours(24);
}
