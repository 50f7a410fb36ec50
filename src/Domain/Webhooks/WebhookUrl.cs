using System.Net;
using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.Webhooks;

/// <summary>Where a webhook may point: an absolute https URL without credentials or fragment, whose host is not a
/// private, loopback or link-local address. With <c>allowLoopback</c> (local development, tests) plain http to a
/// loopback host is accepted too. Host names are resolved and checked again on every delivery.</summary>
public static class WebhookUrl
{
    public const int MaxLength = 2000;
    private const string Field = "url";

    public static string Validate(string? value, bool allowLoopback)
    {
        var candidate = value?.Trim() ?? string.Empty;
        if (candidate.Length == 0)
            throw new DomainException("The URL is required.", Field);
        if (candidate.Length > MaxLength)
            throw new DomainException($"The URL must be at most {MaxLength} characters.", Field);
        if (candidate.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c > '\u007e') || !WebUrl.HasWellFormedEscapes(candidate))
            throw new DomainException("The URL must not contain spaces, non-ASCII characters or malformed percent-escapes.", Field);
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw new DomainException("The URL must be an absolute URL.", Field);
        if (!string.IsNullOrEmpty(uri.UserInfo))
            throw new DomainException("The URL must not contain a user name or password.", Field);
        if (candidate.Contains('#'))
            throw new DomainException("The URL must not contain a fragment (#).", Field);

        var loopbackHost = IsLoopbackHost(uri);
        if (uri.Scheme == Uri.UriSchemeHttp && !(allowLoopback && loopbackHost))
            throw new DomainException("The URL must use https.", Field);
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            throw new DomainException("The URL must use https.", Field);
        if (loopbackHost && !allowLoopback)
            throw new DomainException("The URL must not point at a loopback address.", Field);
        if (IPAddress.TryParse(uri.DnsSafeHost, out var address) && !NetworkAddresses.IsAllowed(address, allowLoopback))
            throw new DomainException("The URL must not point at a private, loopback or link-local address.", Field);
        return candidate;
    }

    private static bool IsLoopbackHost(Uri uri) =>
        string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase)
        || uri.IdnHost.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && NetworkAddresses.Classify(address) == AddressKind.Loopback);
}
