using AlexaLinkHub.Application.Skills;

namespace AlexaLinkHub.Web.Admin;

/// <summary>What the "paste into the Alexa console" panel shows; <see cref="ClientSecret"/> only right after it was
/// created (registration or rotation), never again.</summary>
public sealed record ConsolePanel(SkillDto Skill, string? ClientSecret = null);
