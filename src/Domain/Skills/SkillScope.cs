using System.Text.RegularExpressions;
using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.Skills;

/// <summary>A scope a skill defines, with the words the consent page shows: "This allows {skill} to {Description}".</summary>
public sealed partial record SkillScope
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 200;

    private SkillScope(string name, string description)
    {
        Name = name;
        Description = description;
    }

    public string Name { get; private init; }
    public string Description { get; private init; }

    public static SkillScope Create(string? name, string? description, int index = 0)
    {
        var field = $"scopes[{index}]";
        var scopeName = name ?? string.Empty;
        // RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ) — no spaces, quotes or backslashes.
        if (scopeName.Length is 0 or > NameMaxLength || !ScopeToken().IsMatch(scopeName))
            throw new DomainException($"Scope '{scopeName}' is not a valid scope token (1-{NameMaxLength} printable ASCII characters, no spaces, quotes or backslashes).", $"{field}.name");
        var text = Guard.Text(description, "Description", DescriptionMaxLength, key: $"{field}.description");
        return new SkillScope(scopeName, text);
    }

    [GeneratedRegex(@"^[\x21\x23-\x5B\x5D-\x7E]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ScopeToken();
}
