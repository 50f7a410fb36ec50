using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Linking.Support;

/// <summary>A redirect to the client split into its parts: the URI before the parameters, where the parameters are
/// (<c>#</c> fragment or <c>?</c>/<c>&amp;</c> query) and the parameters, percent-decoded (never '+' as space).</summary>
public sealed record ClientRedirect(string BaseUri, string RawParameters, IReadOnlyDictionary<string, string> Parameters)
{
    public string this[string name] => Parameters.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"No '{name}' in {RawParameters}");
}

public static class LinkAssert
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Asserts a 302 (never 307) whose Location is <paramref name="redirectUri"/> (byte for byte, its query kept)
    /// followed by <c>#</c> and the fragment; returns the fragment's parameters.</summary>
    public static ClientRedirect FragmentRedirect(HttpResponseMessage response, string redirectUri)
    {
        var location = RedirectLocation(response);
        Assert.StartsWith(redirectUri + "#", location, StringComparison.Ordinal);
        return new ClientRedirect(redirectUri, location[(redirectUri.Length + 1)..], Parse(location[(redirectUri.Length + 1)..]));
    }

    /// <summary>Asserts a 302 to <paramref name="redirectUri"/> with the parameters added to its query (no fragment).</summary>
    public static ClientRedirect QueryRedirect(HttpResponseMessage response, string redirectUri)
    {
        var location = RedirectLocation(response);
        var separator = redirectUri.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        Assert.StartsWith(redirectUri + separator, location, StringComparison.Ordinal);
        Assert.DoesNotContain('#', location);
        return new ClientRedirect(redirectUri, location[(redirectUri.Length + 1)..], Parse(location[(redirectUri.Length + 1)..]));
    }

    /// <summary>The raw Location of a 302 (the original string, not re-serialised by <see cref="Uri"/>).</summary>
    public static string RedirectLocation(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.True(response.Headers.TryGetValues("Location", out var values), "The 302 has no Location header.");
        return Assert.Single(values);
    }

    /// <summary>The branded error page: 400, HTML, and no Location header at all.</summary>
    public static async Task<string> ErrorPageAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode} (Location: {response.Headers.Location}): {html}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Headers.Location);
        Assert.Contains("This link request can&#x27;t be completed", html, StringComparison.Ordinal);
        return html;
    }

    public static Dictionary<string, string> Parse(string parameters)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in parameters.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            Assert.True(result.TryAdd(name, equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..])), $"'{name}' twice in {parameters}");
        }
        return result;
    }

    /// <summary>Links the setup's user to its skill in a fresh browser and returns the access token.</summary>
    public static async Task<string> LinkForTokenAsync(this AlexaLinkHubFactory factory, LinkSetup setup, string state = "xyz")
    {
        using var browser = LinkFlowClient.Create(factory);
        var response = await browser.LinkAsync(setup.AuthorizeUrl(state), setup.User.Email, setup.User.Password);
        return FragmentRedirect(response, setup.Skill.RedirectUri)["access_token"];
    }

    /// <summary>The tenant's audit events of one action, newest first.</summary>
    public static async Task<IReadOnlyList<JsonElement>> AuditAsync(HttpClient platform, string slug, string action)
    {
        var page = await ApiAssert.JsonAsync(await platform.GetAsync($"/api/v1/tenants/{slug}/audit?action={action}&pageSize=100", Ct), HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    /// <summary>RFC 7662 introspection by the skill, credentials in HTTP Basic (the default) or in the form.</summary>
    public static async Task<JsonElement> IntrospectAsync(HttpClient http, string slug, string clientId, string secret, string token, bool basic = true)
    {
        var response = await PostAsClientAsync(http, $"/t/{slug}/connect/introspect", clientId, secret, basic, new() { ["token"] = token });
        return await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
    }

    public static async Task<bool> IsActiveAsync(HttpClient http, RegisteredSkill skill, string token) =>
        (await IntrospectAsync(http, skill.Slug, skill.ClientId, skill.ClientSecret, token)).GetProperty("active").GetBoolean();

    public static async Task<HttpResponseMessage> PostAsClientAsync(HttpClient http, string path, string clientId, string secret, bool basic, Dictionary<string, string> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (basic)
        {
            // RFC 6749 §2.3.1: both halves form-urlencoded before base64.
            var credentials = $"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}";
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        }
        else
        {
            form["client_id"] = clientId;
            form["client_secret"] = secret;
        }
        request.Content = new FormUrlEncodedContent(form);
        return await http.SendAsync(request, Ct);
    }

    /// <summary>401 with <c>WWW-Authenticate: Bearer error="invalid_token"</c> (RFC 6750 §3.1).</summary>
    public static void InvalidToken(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.DoesNotContain("error_uri", challenge.Parameter, StringComparison.Ordinal);
    }

    public static async Task<HttpResponseMessage> UserInfoAsync(HttpClient http, string slug, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/t/{slug}/connect/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request, Ct);
    }
}
