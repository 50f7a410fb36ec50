using System.Net;
using System.Net.Http.Headers;
using AlexaLinkHub.TestSupport;

namespace AlexaLinkHub.Web.FunctionalTests.Admin.Support;

/// <summary>An admin page as a browser receives it, with the few things the tests read from its markup (read by
/// <see cref="TestSupport.Html"/>).</summary>
public sealed class AdminPage(HttpStatusCode status, string html, HttpResponseHeaders headers, string? contentType, IReadOnlyList<string> cookies)
{
    private Html? _dom;

    public HttpStatusCode Status { get; } = status;
    public string Html { get; } = html;
    public HttpResponseHeaders Headers { get; } = headers;
    public string? ContentType { get; } = contentType;

    /// <summary>The Set-Cookie headers of the response.</summary>
    public IReadOnlyList<string> Cookies { get; } = cookies;

    public string? Location => Headers.Location?.OriginalString;

    public Html Dom => _dom ??= TestSupport.Html.Parse(Html, new Uri("http://localhost/admin"));

    /// <summary>The text of the whole page (its title included), white space collapsed.</summary>
    public string Text => string.Join(' ', Texts("title").Append(Dom.Text));

    public string H1 => Texts("h1").First();

    /// <summary>The text of every <paramref name="element"/>.</summary>
    public IReadOnlyList<string> Texts(string element) => Dom.Texts(element);

    /// <summary>The messages of the error summary above a form.</summary>
    public IReadOnlyList<string> Errors() => Dom.Texts("div.errors li");

    /// <summary>The text of the element with this id.</summary>
    public string TextOfId(string id)
    {
        Assert.True(Dom.ById(id) is not null, $"No element with id '{id}' in:{Environment.NewLine}{Html}");
        return Dom.TextOf(id)!;
    }

    /// <summary>The value of the input (or textarea) with this id.</summary>
    public string ValueOfId(string id)
    {
        var value = Dom.ValueOfId(id);
        Assert.True(value is not null, $"No input with id '{id}' in:{Environment.NewLine}{Html}");
        return value;
    }

    public bool HasId(string id) => Dom.ById(id) is not null;

    /// <summary>The label text of every &lt;label&gt; of the page itself (not the header's language switcher), in order.</summary>
    public IReadOnlyList<string> Labels => Texts("main label");

    public string AntiforgeryToken()
    {
        var token = Dom.InputValue(LinkFlowClient.AntiforgeryField);
        Assert.True(token is not null, $"No antiforgery token in:{Environment.NewLine}{Html}");
        return token;
    }

    public static async Task<AdminPage> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        return new AdminPage(response.StatusCode, html, response.Headers, response.Content.Headers.ContentType?.ToString(), cookies);
    }
}
