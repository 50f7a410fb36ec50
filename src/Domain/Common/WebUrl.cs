namespace AlexaLinkHub.Domain.Common;

/// <summary>Rules for URLs a tenant or skill stores. Every URL must be absolute https, carry no credentials and
/// contain no whitespace, control characters or malformed percent-escapes: it is rendered into pages and compared
/// byte for byte, so we only accept what is unambiguous.</summary>
public static class WebUrl
{
    public static string RequireHttps(string? value, string field, bool allowFragment = false, int maxLength = 2000)
    {
        var candidate = value?.Trim() ?? string.Empty;
        if (candidate.Length == 0)
            throw new DomainException($"{field} is required.", field);
        if (candidate.Length > maxLength)
            throw new DomainException($"{field} must be at most {maxLength} characters.", field);
        if (candidate.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c > '\u007e'))
            throw new DomainException($"{field} must not contain spaces or non-ASCII characters (percent-encode them).", field);
        if (!HasWellFormedEscapes(candidate))
            throw new DomainException($"{field} contains a malformed percent-escape.", field);
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri))
            throw new DomainException($"{field} must be an absolute URL.", field);
        if (uri.Scheme != Uri.UriSchemeHttps)
            throw new DomainException($"{field} must use https.", field);
        if (!string.IsNullOrEmpty(uri.UserInfo))
            throw new DomainException($"{field} must not contain a user name or password.", field);
        if (!allowFragment && candidate.Contains('#'))
            throw new DomainException($"{field} must not contain a fragment (#).", field);
        if (string.IsNullOrEmpty(uri.Host))
            throw new DomainException($"{field} must name a host.", field);
        return candidate;
    }

    public static string? OptionalHttps(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null : RequireHttps(value, field);

    /// <summary>RFC 3986 §2.1: a '%' must be followed by two hex digits.</summary>
    public static bool HasWellFormedEscapes(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '%')
                continue;
            if (i + 2 >= value.Length || !Uri.IsHexDigit(value[i + 1]) || !Uri.IsHexDigit(value[i + 2]))
                return false;
            i += 2;
        }
        return true;
    }
}
