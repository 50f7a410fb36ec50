namespace AlexaLinkHub.Domain.Skills;

/// <summary>The console's own redirect URI for "Test this skill": <c>{base}/admin/t/{slug}/test-link</c>. It belongs to
/// the console, so no skill may register it (on any host: the public base URL is configuration, and a vendor has no
/// business with a path of ours), and the OAuth server accepts it only for a request the console started
/// (docs/decisions/021).</summary>
public static class ConsoleTestLink
{
    public const string PathSegment = "test-link";

    /// <summary>Whether <paramref name="url"/> has the shape of a console test address (<c>…/admin/t/{slug}/test-link</c>,
    /// any case, with or without a trailing slash).</summary>
    public static bool IsConsoleAddress(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return false;
        var segments = uri.AbsolutePath.TrimEnd('/').Split('/');
        return segments.Length >= 5
            && string.Equals(segments[^1], PathSegment, StringComparison.OrdinalIgnoreCase)
            && string.Equals(segments[^3], "t", StringComparison.OrdinalIgnoreCase)
            && string.Equals(segments[^4], "admin", StringComparison.OrdinalIgnoreCase);
    }
}
