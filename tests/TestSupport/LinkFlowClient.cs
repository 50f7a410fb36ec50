using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace AlexaLinkHub.TestSupport;

/// <summary>Drives the account-linking flow over HTTP the way a browser without JavaScript does: no automatic redirects
/// (each hop is visible), cookies kept, forms read from the HTML (hidden fields and antiforgery token included) and
/// posted back to the page they came from.</summary>
public sealed class LinkFlowClient : IDisposable
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    public LinkFlowClient(HttpClient http, CookieContainer cookies)
    {
        Http = http;
        Cookies = cookies;
    }

    /// <summary>A client of the app that follows no redirect by itself, with its own cookie jar (a fresh browser) or
    /// the given one (the same browser talking to another instance of the app).</summary>
    public static LinkFlowClient Create(WebApplicationFactory<Program> factory, CookieContainer? cookies = null)
    {
        cookies ??= new CookieContainer();
        return new(factory.CreateDefaultClient(new CookieContainerHandler(cookies)), cookies);
    }

    public HttpClient Http { get; }
    public CookieContainer Cookies { get; }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    /// <summary>The whole flow: the authorization request, the login page when there is no session yet, the consent
    /// page and the decision. Returns the answer to the decision (its <c>Location</c> is the redirect to the client).</summary>
    public async Task<HttpResponseMessage> LinkAsync(string authorizeUrl, string email, string password, string decision = "allow")
    {
        var consent = await OpenConsentAsync(authorizeUrl, email, password);
        return await DecideAsync(consent, decision);
    }

    /// <summary>GETs the authorization URL, signs in when sent to the login page, and returns the consent page.</summary>
    public async Task<HtmlPage> OpenConsentAsync(string authorizeUrl, string email, string password)
    {
        var start = await GetPageAsync(authorizeUrl);
        if (start.StatusCode == HttpStatusCode.OK)
            return start;
        var login = await FollowAsync(start, "the login page");
        var signedIn = await SignInAsync(login, email, password);
        if (signedIn.StatusCode != HttpStatusCode.Found)
            throw Unexpected(signedIn, "a 302 back to the authorization request after signing in");
        var consent = await FollowAsync(signedIn, "the consent page");
        return consent.StatusCode == HttpStatusCode.OK ? consent : throw Unexpected(consent, "the consent page (200)");
    }

    /// <summary>Posts the login form of <paramref name="login"/> with these credentials.</summary>
    public Task<HtmlPage> SignInAsync(HtmlPage login, string email, string password) =>
        SubmitAsync(login, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>Presses "Allow" (<c>decision=allow</c>) or "Cancel" (<c>decision=cancel</c>) on the consent page.</summary>
    public async Task<HttpResponseMessage> DecideAsync(HtmlPage consent, string decision) =>
        (await SubmitAsync(consent, new Dictionary<string, string> { ["decision"] = decision })).Response;

    public async Task<HtmlPage> GetPageAsync(string url)
    {
        var response = await Http.GetAsync(url, Ct);
        return await HtmlPage.ReadAsync(response, Ct);
    }

    /// <summary>GETs the page a redirect points at.</summary>
    public async Task<HtmlPage> FollowAsync(HtmlPage redirect, string expected = "a redirect")
    {
        if (redirect.StatusCode is not (HttpStatusCode.Found or HttpStatusCode.SeeOther) || redirect.Location is null)
            throw Unexpected(redirect, $"a 302/303 to {expected}");
        return await GetPageAsync(redirect.Location.ToString());
    }

    /// <summary>Submits the page's (first) form like a browser: every named input with its value, the given fields on
    /// top, to the form's action or else the page's own URL (query included).</summary>
    public async Task<HtmlPage> SubmitAsync(HtmlPage page, IReadOnlyDictionary<string, string> fields, bool includeAntiforgery = true, int formIndex = 0)
    {
        var form = page.Form(formIndex);
        var values = form.Fields.Where(f => includeAntiforgery || f.Key != AntiforgeryField).ToList();
        foreach (var (name, value) in fields)
        {
            values.RemoveAll(f => f.Key == name);
            values.Add(new(name, value));
        }
        var response = await Http.PostAsync(form.Action, new FormUrlEncodedContent(values), Ct);
        return await HtmlPage.ReadAsync(response, Ct);
    }

    private static InvalidOperationException Unexpected(HtmlPage page, string expected) =>
        new($"Expected {expected}, got {(int)page.StatusCode} from {page.Url} (Location: {page.Location}):{Environment.NewLine}{page.Html}");

    public void Dispose() => Http.Dispose();
}

/// <summary>One answer of the app, read: status, absolute <c>Location</c> (if any) and the HTML (<see cref="Dom"/>).</summary>
public sealed class HtmlPage
{
    private HtmlPage(HttpResponseMessage response, string html)
    {
        Response = response;
        Html = html;
        Url = response.RequestMessage!.RequestUri!;
        Location = response.Headers.Location is { } location ? (location.IsAbsoluteUri ? location : new Uri(Url, location)) : null;
        Dom = TestSupport.Html.Parse(html, Url);
    }

    public HttpResponseMessage Response { get; }
    public HttpStatusCode StatusCode => Response.StatusCode;
    public Uri Url { get; }
    public Uri? Location { get; }

    /// <summary>The markup as sent.</summary>
    public string Html { get; }

    public Html Dom { get; }

    public static async Task<HtmlPage> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        new(response, await response.Content.ReadAsStringAsync(cancellationToken));

    /// <summary>A form of the page (the first by default): where it posts and its named inputs.</summary>
    public HtmlForm Form(int index = 0) =>
        Dom.Forms() is { } forms && forms.Count > index ? forms[index] : throw new InvalidOperationException($"No form #{index} on {Url}:{Environment.NewLine}{Html}");

    /// <summary>The text of the first element with this id or class, or null.</summary>
    public string? TextOf(string idOrClass) => Dom.TextOf(idOrClass);
}
