using System.Net;
using System.Text.RegularExpressions;
using AlexaLinkHub.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AlexaLinkHub.Web.FunctionalTests.Accounts.Support;

/// <summary>The tenant pages as a browser without JavaScript uses them: a cookie jar, no automatic redirects (every hop
/// is asserted), forms read from the HTML — hidden fields and antiforgery token included — and posted back to their
/// action or, like a browser, to the page's own URL.</summary>
public sealed class PageClient(HttpClient http) : IDisposable
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    /// <summary>A fresh browser; <paramref name="origin"/> is the scheme and host it believes it talks to.</summary>
    public static PageClient Open(AlexaLinkHubFactory factory, string origin = "http://localhost") =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri(origin),
        }));

    public HttpClient Http { get; } = http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<Page> GetAsync(string url)
    {
        var response = await Http.GetAsync(url, Ct);
        return await Page.ReadAsync(response);
    }

    /// <summary>GETs where a 302/303 points, asserting it is one.</summary>
    public async Task<Page> FollowAsync(Page redirect)
    {
        Assert.True(redirect.Status is HttpStatusCode.Found or HttpStatusCode.SeeOther && redirect.Location is not null,
            $"Expected a redirect from {redirect.Url}, got {(int)redirect.Status}:{Environment.NewLine}{redirect.Html}");
        return await GetAsync(redirect.Location!.PathAndQuery);
    }

    /// <summary>Submits the form of <paramref name="page"/> that has a field named <paramref name="formWith"/> (or its
    /// only form): every named input as the page filled it, with <paramref name="fields"/> on top.</summary>
    public Task<Page> SubmitAsync(Page page, IReadOnlyDictionary<string, string> fields, string? formWith = null) =>
        SubmitAsync(page.Form(formWith), fields);

    public async Task<Page> SubmitAsync(HtmlForm form, IReadOnlyDictionary<string, string> fields)
    {
        var values = form.Fields.ToList();
        foreach (var (name, value) in fields)
        {
            values.RemoveAll(f => f.Key == name);
            values.Add(new(name, value));
        }
        var response = await Http.PostAsync(form.Action.PathAndQuery, new FormUrlEncodedContent(values), Ct);
        return await Page.ReadAsync(response);
    }

    public void Dispose() => Http.Dispose();
}

/// <summary>One answer, read: status, <c>Location</c> made absolute, and the HTML.</summary>
public sealed partial class Page(HttpResponseMessage response, string html)
{
    public HttpResponseMessage Response { get; } = response;
    public HttpStatusCode Status => Response.StatusCode;
    public Uri Url { get; } = response.RequestMessage!.RequestUri!;
    public string Html { get; } = html;

    public Uri? Location => Response.Headers.Location is { } location ? (location.IsAbsoluteUri ? location : new Uri(Url, location)) : null;

    public static async Task<Page> ReadAsync(HttpResponseMessage response) =>
        new(response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    /// <summary>The visible text of the page body: tags removed, entities decoded, white space collapsed.</summary>
    public string Text
    {
        get
        {
            var body = BodyPattern().Match(Html) is { Success: true } match ? match.Groups[1].Value : Html;
            return Clean(body);
        }
    }

    /// <summary>The decoded text of the first element with this id or class, or null when there is none.</summary>
    public string? TextOf(string idOrClass)
    {
        var match = Regex.Match(Html, $"""<(?<tag>\w+)\b[^>]*\b(?:id|class)="(?:[^"]*\s)?{Regex.Escape(idOrClass)}(?:\s[^"]*)?"[^>]*>(?<inner>.*?)</\k<tag>>""", RegexOptions.Singleline);
        return match.Success ? Clean(match.Groups["inner"].Value) : null;
    }

    /// <summary>The decoded href of the link whose text is <paramref name="text"/>.</summary>
    public string Href(string text)
    {
        var link = LinkPattern().Matches(Html).FirstOrDefault(m => Clean(m.Groups["text"].Value) == text);
        Assert.True(link is not null, $"No link '{text}' on {Url}:{Environment.NewLine}{Html}");
        return WebUtility.HtmlDecode(link.Groups["href"].Value);
    }

    public HtmlForm Form(string? withField = null)
    {
        var forms = FormPattern().Matches(Html)
            .Select(f => ReadForm(f))
            .Where(f => withField is null || f.Fields.Any(field => field.Key == withField))
            .ToList();
        Assert.True(forms.Count == 1, $"Expected one form{(withField is null ? "" : $" with '{withField}'")} on {Url}, found {forms.Count}:{Environment.NewLine}{Html}");
        return forms[0];
    }

    /// <summary>The form that posts to a URL containing <paramref name="actionPart"/> (e.g. a page handler).</summary>
    public HtmlForm FormPostingTo(string actionPart)
    {
        var forms = FormPattern().Matches(Html).Select(f => ReadForm(f)).Where(f => f.Action.PathAndQuery.Contains(actionPart, StringComparison.Ordinal)).ToList();
        Assert.True(forms.Count == 1, $"Expected one form posting to '{actionPart}' on {Url}, found {forms.Count}:{Environment.NewLine}{Html}");
        return forms[0];
    }

    /// <summary>The decoded text of the page's one <c>h1</c>.</summary>
    public string Heading => Clean(Assert.Single(Regex.Matches(Html, "<h1\\b[^>]*>(.*?)</h1>", RegexOptions.Singleline)).Groups[1].Value);

    private HtmlForm ReadForm(Match form)
    {
        var action = Attributes(form.Groups["attributes"].Value).GetValueOrDefault("action");
        var fields = InputPattern().Matches(form.Groups["body"].Value)
            .Select(input => Attributes(input.Groups["attributes"].Value))
            .Where(a => a.ContainsKey("name"))
            .Select(a => new KeyValuePair<string, string>(a["name"], a.GetValueOrDefault("value") ?? string.Empty))
            .ToList();
        return new HtmlForm(string.IsNullOrEmpty(action) ? Url : new Uri(Url, action), fields);
    }

    private static Dictionary<string, string> Attributes(string text) =>
        AttributePattern().Matches(text).ToDictionary(a => a.Groups["name"].Value.ToLowerInvariant(), a => WebUtility.HtmlDecode(a.Groups["value"].Value));

    private static string Clean(string markup) =>
        Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(markup, "<[^>]+>", " ")), @"[ \t\r\n]+", " ").Trim();

    [GeneratedRegex("""<body\b[^>]*>(.*)</body>""", RegexOptions.Singleline)]
    private static partial Regex BodyPattern();

    [GeneratedRegex("""<a\b[^>]*\bhref="(?<href>[^"]*)"[^>]*>(?<text>.*?)</a>""", RegexOptions.Singleline)]
    private static partial Regex LinkPattern();

    [GeneratedRegex("""<form\b(?<attributes>[^>]*)>(?<body>.*?)</form>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("""<input\b(?<attributes>[^>]*)>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InputPattern();

    [GeneratedRegex(@"(?<name>[\w.:-]+)\s*=\s*""(?<value>[^""]*)""", RegexOptions.Singleline)]
    private static partial Regex AttributePattern();
}

public sealed record HtmlForm(Uri Action, IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    public string? Value(string name) => Fields.Where(f => f.Key == name).Select(f => f.Value).FirstOrDefault();
}
