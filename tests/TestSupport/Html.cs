using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace AlexaLinkHub.TestSupport;

/// <summary>A page's markup read by a real HTML parser (AngleSharp), the way a browser sees it: decoded text, forms with
/// their inputs, attributes — never a regular expression over the markup. The page readers of the test projects
/// (protocol details: status, headers, cookies) read their HTML through this.</summary>
public sealed class Html
{
    private static readonly HtmlParser s_parser = new();

    private Html(IHtmlDocument document, Uri url)
    {
        Document = document;
        Url = url;
    }

    public IHtmlDocument Document { get; }

    /// <summary>The address the page was fetched from: a form without an action posts back to it.</summary>
    public Uri Url { get; }

    public static Html Parse(string markup, Uri url) => new(s_parser.ParseDocument(markup), url);

    /// <summary>The text of the body: its text nodes, each element boundary a space, white space collapsed (ASCII only:
    /// a no-break space is part of the text).</summary>
    public string Text => Document.Body is { } body ? TextOf(body) : string.Empty;

    /// <summary>The text of every element <paramref name="selector"/> matches (a tag name or a CSS selector).</summary>
    public IReadOnlyList<string> Texts(string selector) => Document.QuerySelectorAll(selector).Select(TextOf).ToList();

    /// <summary>The text of the first element with this id or class, or null when there is none.</summary>
    public string? TextOf(string idOrClass) =>
        (Document.GetElementById(idOrClass) ?? Document.QuerySelectorAll("[class]").FirstOrDefault(e => e.ClassList.Contains(idOrClass))) is { } element
            ? TextOf(element)
            : null;

    /// <summary>The value of every input named <paramref name="name"/>, in order.</summary>
    public IReadOnlyList<string> InputValues(string name) =>
        Document.QuerySelectorAll("input").OfType<IHtmlInputElement>().Where(i => i.Name == name).Select(i => i.Value).ToList();

    /// <summary>Every hidden input of the page, by name (a form's carried state).</summary>
    public IReadOnlyDictionary<string, string> HiddenFields() =>
        Document.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().Where(i => !string.IsNullOrEmpty(i.Name))
            .GroupBy(i => i.Name!).ToDictionary(g => g.Key, g => g.First().Value);

    public IElement? ById(string id) => Document.GetElementById(id);

    /// <summary>The value of an input (or the text of a textarea) with this id, or null when there is none.</summary>
    public string? ValueOfId(string id) => ById(id) switch
    {
        IHtmlTextAreaElement area => area.Value,
        IHtmlInputElement input => input.Value,
        _ => null,
    };

    /// <summary>The value of the (first) input named <paramref name="name"/>, or null when there is none.</summary>
    public string? InputValue(string name) =>
        Document.QuerySelectorAll("input").OfType<IHtmlInputElement>().FirstOrDefault(i => i.Name == name)?.Value;

    /// <summary>The href of the first link whose text is <paramref name="text"/>, or null.</summary>
    public string? Href(string text) =>
        Document.QuerySelectorAll("a").FirstOrDefault(a => TextOf(a) == text)?.GetAttribute("href");

    public IReadOnlyList<HtmlForm> Forms() => Document.Forms.Select(Read).ToList();

    private HtmlForm Read(IHtmlFormElement form)
    {
        var action = form.GetAttribute("action");
        var fields = form.QuerySelectorAll("input")
            .OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .ToList();
        return new HtmlForm(string.IsNullOrEmpty(action) ? Url : new Uri(Url, action), fields);
    }

    private static string TextOf(INode node) =>
        Clean(string.Join(' ', node.GetDescendants().OfType<IText>().Select(t => t.Data)));

    private static string Clean(string text) =>
        string.Join(' ', text.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>A form as a browser submits it: where it posts and its named inputs with their values.</summary>
public sealed record HtmlForm(Uri Action, IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    public string? Value(string name) => Fields.Where(f => f.Key == name).Select(f => f.Value).FirstOrDefault();
}
