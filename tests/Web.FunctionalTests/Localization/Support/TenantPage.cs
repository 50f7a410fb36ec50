using System.Net;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Localization.Support;

/// <summary>A tenant page as the Alexa app's browser receives it, with the few things the language tests read: the
/// <c>lang</c>/<c>dir</c> of <c>&lt;html&gt;</c> and the text of elements (read by <see cref="TestSupport.Html"/>).</summary>
public sealed class TenantPage(HttpStatusCode status, string html)
{
    private Html? _dom;

    public HttpStatusCode Status { get; } = status;

    /// <summary>The markup as sent (not decoded).</summary>
    public string Html { get; } = html;

    public Html Dom => _dom ??= TestSupport.Html.Parse(Html, new Uri("http://localhost/"));

    public string Lang => HtmlAttribute("lang");

    public string Dir => HtmlAttribute("dir");

    public string Title => Texts("title").Single();

    public string H1 => Texts("h1").Single();

    /// <summary>The text of every <paramref name="element"/>, inner markup removed, line breaks and indentation collapsed.</summary>
    public IReadOnlyList<string> Texts(string element) => Dom.Texts(element);

    /// <summary>The text of the element with this id.</summary>
    public string TextOfId(string id)
    {
        Assert.True(Dom.ById(id) is not null, $"No element with id '{id}' in:{Environment.NewLine}{Html}");
        return Dom.TextOf(id)!;
    }

    public string HiddenValue(string name)
    {
        var value = Dom.InputValue(name);
        Assert.True(value is not null, $"No hidden input '{name}' in:{Environment.NewLine}{Html}");
        return value;
    }

    public static async Task<TenantPage> GetAsync(HttpClient client, string url, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        return await SendAsync(client, request, acceptLanguage);
    }

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, IDictionary<string, string> form, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        if (acceptLanguage is not null)
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<TenantPage> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.Content.Headers.ContentType?.MediaType == "text/html",
            $"Expected an HTML page from {response.RequestMessage?.RequestUri}, got {(int)response.StatusCode} {response.Content.Headers.ContentType}: {html}");
        return new TenantPage(response.StatusCode, html);
    }

    private static async Task<TenantPage> SendAsync(HttpClient client, HttpRequestMessage request, string? acceptLanguage)
    {
        if (acceptLanguage is not null)
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return await ReadAsync(response);
    }

    private string HtmlAttribute(string name)
    {
        var value = Dom.Document.DocumentElement.GetAttribute(name);
        Assert.True(value is not null, $"<html> has no {name} in:{Environment.NewLine}{Html}");
        return value;
    }
}

/// <summary>A tenant ("Acme") with a skill ("Car Fu", scopes "order a taxi on your behalf" and "read your name"), made
/// through the admin API, and the URLs of its link flow.</summary>
public sealed record LocalizedPageSetup(string Slug, string ClientId)
{
    public const string TenantName = "Acme";
    public const string SkillName = "Car Fu";

    public static async Task<LocalizedPageSetup> CreateAsync(ApiFixture api)
    {
        var slug = ApiFixture.NewSlug();
        await api.Platform.CreateTenantOkAsync(slug, TenantName);
        var clientId = SkillBodies.NewClientId();
        await api.Platform.RegisterSkillOkAsync(slug, SkillBodies.Valid(clientId, SkillName));
        return new LocalizedPageSetup(slug, clientId);
    }

    public string LoginUrl => $"/t/{Slug}/login";

    /// <summary>An implicit-grant authorization request the way the Alexa app sends it.</summary>
    public string AuthorizeUrl(string? clientId = null, string? scope = "taxi.order profile") =>
        $"/t/{Slug}/connect/authorize?response_type=token&client_id={Uri.EscapeDataString(clientId ?? ClientId)}" +
        $"&redirect_uri={Uri.EscapeDataString(SkillBodies.PitanguiRedirect)}&state=xyz" +
        (scope is null ? "" : $"&scope={Uri.EscapeDataString(scope)}");

    public string LoginUrlInLinkFlow => $"{LoginUrl}?returnUrl={Uri.EscapeDataString(AuthorizeUrl())}";

    /// <summary>The login page as the link flow reaches it: from the authorization request, which hands it the link.</summary>
    public async Task<TenantPage> OpenLoginInLinkFlowAsync(HttpClient client, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, AuthorizeUrl());
        using var start = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Found, start.StatusCode);
        return await TenantPage.GetAsync(client, start.Headers.Location!.OriginalString, acceptLanguage);
    }

    /// <summary>Opens the login page (for its antiforgery token and cookie) and submits it, as a browser does.</summary>
    public async Task<HttpResponseMessage> SubmitLoginAsync(HttpClient client, string email, string password, string? acceptLanguage, bool inLinkFlow = false)
    {
        var url = inLinkFlow ? LoginUrlInLinkFlow : LoginUrl;
        var form = await TenantPage.GetAsync(client, url, acceptLanguage);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var fields = new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["returnUrl"] = form.HiddenValue("returnUrl"),
            ["__RequestVerificationToken"] = form.HiddenValue("__RequestVerificationToken"),
        };
        return await TenantPage.PostFormAsync(client, url, fields, acceptLanguage);
    }
}
