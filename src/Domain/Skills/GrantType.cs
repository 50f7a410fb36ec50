namespace AlexaLinkHub.Domain.Skills;

/// <summary>How Alexa obtains tokens for a skill. A per-skill choice (Alexa recommends the code grant for expiring tokens).</summary>
public enum GrantType
{
    Implicit = 0,
    AuthorizationCode = 1,
}

public static class GrantTypeNames
{
    public const string Implicit = "implicit";
    public const string AuthorizationCode = "authorization_code";

    public const string InvalidMessage = $"grantType must be '{Implicit}' or '{AuthorizationCode}'.";

    /// <summary>The grant type a caller named, or the one message for a name that is not one.</summary>
    public static GrantType Parse(string? value) =>
        TryParse(value, out var grantType) ? grantType : throw new Common.DomainException(InvalidMessage, "grantType");

    public static string ToWire(this GrantType grantType) => grantType switch
    {
        GrantType.Implicit => Implicit,
        GrantType.AuthorizationCode => AuthorizationCode,
        _ => throw new ArgumentOutOfRangeException(nameof(grantType)),
    };

    public static bool TryParse(string? value, out GrantType grantType)
    {
        switch (value?.Trim())
        {
            case Implicit:
                grantType = GrantType.Implicit;
                return true;
            case AuthorizationCode:
                grantType = GrantType.AuthorizationCode;
                return true;
            default:
                grantType = default;
                return false;
        }
    }
}
