using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace AlexaLinkHub.Web.FunctionalTests.Admin.Support;

/// <summary>An admin page as a browser receives it, with the few things the tests read from its markup.</summary>
public sealed partial class AdminPage(HttpStatusCode status, string html, HttpResponseHeaders headers, string? contentType, IReadOnlyList<string> cookies)
{
    public HttpStatusCode Status { get; } = status;
    public string Html { get; } = html;
    public HttpResponseHeaders Headers { get; } = headers;
    public string? ContentType { get; } = contentType;

    /// <summary>The Set-Cookie headers of the response.</summary>
    public IReadOnlyList<string> Cookies { get; } = cookies;

    public string? Location => Headers.Location?.OriginalString;

    /// <summary>The decoded text of the whole page, tags removed and white space collapsed.</summary>
    public string Text => Clean(Html);

    public string H1 => Texts("h1").First();

    /// <summary>The decoded text of every <paramref name="element"/>.</summary>
    public IReadOnlyList<string> Texts(string element) =>
        new Regex($@"<{element}\b[^>]*>(.*?)</{element}>", RegexOptions.Singleline | RegexOptions.IgnoreCase)
            .Matches(Html).Select(m => Clean(m.Groups[1].Value)).ToList();

    /// <summary>The messages of the error summary above a form.</summary>
    public IReadOnlyList<string> Errors()
    {
        var box = ErrorBox().Match(Html);
        return box.Success ? new Regex("<li>(.*?)</li>", RegexOptions.Singleline).Matches(box.Value).Select(m => Clean(m.Groups[1].Value)).ToList() : [];
    }

    /// <summary>The decoded text of the element with this id.</summary>
    public string TextOfId(string id)
    {
        var match = new Regex($@"<(\w+)\b[^>]*\bid=""{Regex.Escape(id)}""[^>]*>(.*?)</\1>", RegexOptions.Singleline).Match(Html);
        Assert.True(match.Success, $"No element with id '{id}' in:{Environment.NewLine}{Html}");
        return Clean(match.Groups[2].Value);
    }

    /// <summary>The value of the input (or textarea) with this id.</summary>
    public string ValueOfId(string id)
    {
        var textarea = new Regex($@"<textarea\b[^>]*\bid=""{Regex.Escape(id)}""[^>]*>(.*?)</textarea>", RegexOptions.Singleline).Match(Html);
        if (textarea.Success)
            return WebUtility.HtmlDecode(textarea.Groups[1].Value);
        var input = new Regex($@"<input\b[^>]*\bid=""{Regex.Escape(id)}""[^>]*>").Match(Html);
        Assert.True(input.Success, $"No input with id '{id}' in:{Environment.NewLine}{Html}");
        var value = ValueAttribute().Match(input.Value);
        return value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : string.Empty;
    }

    public bool HasId(string id) => Html.Contains($"id=\"{id}\"", StringComparison.Ordinal);

    /// <summary>The label text of every &lt;label&gt;, in order.</summary>
    public IReadOnlyList<string> Labels => Texts("label");

    public string AntiforgeryToken()
    {
        var input = Hidden().Matches(Html).FirstOrDefault(m => m.Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal));
        Assert.True(input is not null, $"No antiforgery token in:{Environment.NewLine}{Html}");
        return WebUtility.HtmlDecode(ValueAttribute().Match(input.Value).Groups[1].Value);
    }

    public static async Task<AdminPage> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        return new AdminPage(response.StatusCode, html, response.Headers, response.Content.Headers.ContentType?.ToString(), cookies);
    }

    private static string Clean(string markup) =>
        Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(markup, " ")), " ").Trim();

    [GeneratedRegex(@"<div class=""errors""[^>]*>.*?</div>", RegexOptions.Singleline)]
    private static partial Regex ErrorBox();

    [GeneratedRegex(@"<input\b[^>]*\btype=""hidden""[^>]*>")]
    private static partial Regex Hidden();

    [GeneratedRegex(@"\bvalue=""([^""]*)""")]
    private static partial Regex ValueAttribute();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
