using System.Security.Cryptography;
using System.Text.RegularExpressions;
using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.Skills;

/// <summary>The OAuth client_id of a skill: vendor-chosen ("you define the client_id") or generated; globally unique.</summary>
public static partial class ClientId
{
    public const int MinLength = 3;
    public const int MaxLength = 100;

    public static string Validate(string? value)
    {
        var id = value ?? string.Empty;
        if (id.Length is < MinLength or > MaxLength || !Pattern().IsMatch(id))
            throw new DomainException($"The client_id must be {MinLength}-{MaxLength} characters of A-Z, a-z, 0-9, '.', '_', '~' or '-'.", "clientId");
        return id;
    }

    public static string Generate()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        return "skill-" + RandomNumberGenerator.GetString(alphabet, 20);
    }

    [GeneratedRegex("^[A-Za-z0-9._~-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
