using System.Text.Json;

namespace AlexaLinkHub.SkillBackend;

/// <summary>The kit's spoken texts (<c>linkAccount</c>, <c>missingScope</c>, <c>unavailable</c>), from the one
/// messages.json the Node package ships too.</summary>
public static class AlexaLinkHubMessages
{
    public const string LinkAccount = "linkAccount";
    public const string MissingScope = "missingScope";
    public const string Unavailable = "unavailable";

    private const string Fallback = "en";

    private static readonly Dictionary<string, Dictionary<string, string>> Texts = Load();

    /// <summary>The languages the kit speaks out of the box.</summary>
    public static IReadOnlyCollection<string> Languages => Texts.Keys;

    /// <summary>The text in the locale (<c>en-GB</c>), else its language (<c>en</c>), else English.</summary>
    public static string Get(string locale, string key)
    {
        foreach (var candidate in new[] { locale, locale.Split('-')[0], Fallback })
        {
            if (Texts.TryGetValue(candidate, out var table) && table.TryGetValue(key, out var text))
                return text;
        }
        throw new ArgumentOutOfRangeException(nameof(key), key, "No such message.");
    }

    private static Dictionary<string, Dictionary<string, string>> Load()
    {
        using var stream = typeof(AlexaLinkHubMessages).Assembly.GetManifestResourceStream("AlexaLinkHub.SkillBackend.messages.json")
            ?? throw new InvalidOperationException("messages.json is not embedded.");
        return JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)!
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
    }
}
