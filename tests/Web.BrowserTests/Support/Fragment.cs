namespace AlexaLinkHub.Web.BrowserTests.Support;

/// <summary>The parameters of a URL's fragment, as the Alexa app reads them after the implicit grant's redirect.</summary>
public static class Fragment
{
    public static IReadOnlyDictionary<string, string> Parse(string url)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        if (hash < 0)
            return new Dictionary<string, string>();
        return url[(hash + 1)..]
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(
                pair => Uri.UnescapeDataString(pair[0]),
                pair => pair.Length > 1 ? Uri.UnescapeDataString(pair[1].Replace('+', ' ')) : string.Empty,
                StringComparer.Ordinal);
    }
}
