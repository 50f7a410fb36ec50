namespace AlexaLinkHub.Domain.Common;

internal static class Guard
{
    public static string Text(string? value, string field, int maxLength, int minLength = 1, string? key = null, bool allowMarkup = false)
    {
        key ??= Camel(field);
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length < minLength)
            throw new DomainException(minLength == 1 ? $"{field} is required." : $"{field} must be at least {minLength} characters.", key);
        if (trimmed.Length > maxLength)
            throw new DomainException($"{field} must be at most {maxLength} characters.", key);
        if (trimmed.Any(char.IsControl))
            throw new DomainException($"{field} must not contain control characters.", key);
        if (!allowMarkup && (trimmed.Contains('<') || trimmed.Contains('>')))
            throw new DomainException($"{field} must be plain text (no HTML).", key);
        return trimmed;
    }

    /// <summary>"Display name" → "displayName": the JSON name of the input, as the problem+json errors report it.</summary>
    public static string Camel(string field) =>
        string.Concat(field.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select((word, i) => (i == 0 ? char.ToLowerInvariant(word[0]) : char.ToUpperInvariant(word[0])) + word[1..]));
}
