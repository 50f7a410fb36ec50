using System.Net;
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

/// <summary>One answer, read: status, <c>Location</c> made absolute, and the HTML (read by <see cref="TestSupport.Html"/>).</summary>
public sealed class Page(HttpResponseMessage response, string html)
{
    public HttpResponseMessage Response { get; } = response;
    public HttpStatusCode Status => Response.StatusCode;
    public Uri Url { get; } = response.RequestMessage!.RequestUri!;
    public string Html { get; } = html;
    public Html Dom => _dom ??= TestSupport.Html.Parse(Html, Url);

    private Html? _dom;

    public Uri? Location => Response.Headers.Location is { } location ? (location.IsAbsoluteUri ? location : new Uri(Url, location)) : null;

    public static async Task<Page> ReadAsync(HttpResponseMessage response) =>
        new(response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    /// <summary>The visible text of the page body, white space collapsed.</summary>
    public string Text => Dom.Text;

    /// <summary>The text of the first element with this id or class, or null when there is none.</summary>
    public string? TextOf(string idOrClass) => Dom.TextOf(idOrClass);

    /// <summary>The href of the link whose text is <paramref name="text"/>.</summary>
    public string Href(string text)
    {
        var href = Dom.Href(text);
        Assert.True(href is not null, $"No link '{text}' on {Url}:{Environment.NewLine}{Html}");
        return href;
    }

    public HtmlForm Form(string? withField = null)
    {
        var forms = Dom.Forms().Where(f => withField is null || f.Fields.Any(field => field.Key == withField)).ToList();
        Assert.True(forms.Count == 1, $"Expected one form{(withField is null ? "" : $" with '{withField}'")} on {Url}, found {forms.Count}:{Environment.NewLine}{Html}");
        return forms[0];
    }

    /// <summary>The form that posts to a URL containing <paramref name="actionPart"/> (e.g. a page handler).</summary>
    public HtmlForm FormPostingTo(string actionPart)
    {
        var forms = Dom.Forms().Where(f => f.Action.PathAndQuery.Contains(actionPart, StringComparison.Ordinal)).ToList();
        Assert.True(forms.Count == 1, $"Expected one form posting to '{actionPart}' on {Url}, found {forms.Count}:{Environment.NewLine}{Html}");
        return forms[0];
    }

    /// <summary>The text of the page's one <c>h1</c>.</summary>
    public string Heading => Assert.Single(Dom.Texts("h1"));
}
