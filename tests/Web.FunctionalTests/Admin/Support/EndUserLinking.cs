using System.Net;
using System.Text.Json;
using AlexaLinkHub.Web.FunctionalTests.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Admin.Support;

/// <summary>An end user linking an account over HTTP, as the Alexa app's browser does: the authorization request, the
/// tenant's login page, the consent page, and the redirect to Alexa with the token in its fragment.</summary>
public static class EndUserLinking
{
    public const string Password = "correct horse battery";

    /// <summary>Registers an implicit-grant skill (Alexa's pitangui redirect URL) through the admin API and returns its
    /// client id and secret.</summary>
    public static async Task<(string ClientId, string ClientSecret)> RegisterSkillAsync(AdminFixture app, string slug, string name = "Car Fu")
    {
        var skill = await app.Platform.RegisterSkillOkAsync(slug, SkillBodies.Valid(SkillBodies.NewClientId(), name));
        return (skill.GetProperty("clientId").GetString()!, skill.GetProperty("clientSecret").GetString()!);
    }

    public static async Task<Guid> CreateUserAsync(AdminFixture app, string slug, string email, string name = "Jo Doe", string? externalId = null) =>
        (await app.Platform.CreateUserOkAsync(slug, email, name, externalId)).GetProperty("id").GetGuid();

    /// <summary>Links <paramref name="email"/>'s account to the skill and returns the access token Alexa would receive.</summary>
    public static async Task<string> LinkAsync(AdminFixture app, string slug, string clientId, string email) =>
        (await LinkAtAsync(app, AuthorizeUrl(slug, clientId), email)).Fragment["access_token"];

    /// <summary>Runs the authorization request <paramref name="authorize"/> as <paramref name="email"/> (sign-in, consent,
    /// allow) and returns where the server redirected, and the fragment's parameters.</summary>
    public static async Task<(string Location, IReadOnlyDictionary<string, string> Fragment)> LinkAtAsync(AdminFixture app, string authorize, string email)
    {
        using var browser = app.NewBrowser();
        var signedIn = await SignInInLinkFlowAsync(browser, authorize, email, Password);
        Assert.True(signedIn.Status == HttpStatusCode.Redirect, $"End-user sign-in → {(int)signedIn.Status}: {signedIn.Html}");

        var consent = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.OK, consent.Status);
        var fields = consent.Dom.HiddenFields().Where(f => f.Key != "__RequestVerificationToken")
            .Append(new("__RequestVerificationToken", consent.AntiforgeryToken()))
            .Append(new("decision", "allow"));
        var allowed = await browser.PostAsync(authorize, fields);
        Assert.True(allowed.Status == HttpStatusCode.Redirect, $"Consent → {(int)allowed.Status}: {allowed.Html}");
        var fragment = allowed.Location!.Split('#', 2)[1].Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        return (allowed.Location, fragment);
    }

    /// <summary>A sign-in with a wrong password inside the link flow of <paramref name="clientId"/>: a failed link attempt of that skill.</summary>
    public static async Task FailSignInAsync(AdminFixture app, string slug, string clientId, string email)
    {
        using var browser = app.NewBrowser();
        var refused = await SignInInLinkFlowAsync(browser, AuthorizeUrl(slug, clientId), email, "wrong password");
        Assert.Equal(HttpStatusCode.OK, refused.Status);
    }

    private static string AuthorizeUrl(string slug, string clientId) =>
        $"/t/{slug}/connect/authorize?response_type=token&client_id={Uri.EscapeDataString(clientId)}" +
        $"&redirect_uri={Uri.EscapeDataString(SkillBodies.PitanguiRedirect)}&state=xyz&scope={Uri.EscapeDataString("taxi.order profile")}";

    private static async Task<AdminPage> SignInInLinkFlowAsync(AdminBrowser browser, string authorize, string email, string password)
    {
        var toLogin = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, toLogin.Status);
        var login = await browser.GetAsync(toLogin.Location!);
        return await browser.PostAsync(toLogin.Location!, AdminBrowser.Fields(
            ("Input.Email", email), ("Input.Password", password), ("returnUrl", authorize), ("__RequestVerificationToken", login.AntiforgeryToken())));
    }

    /// <summary>RFC 7662 introspection as the skill: is the token active?</summary>
    public static async Task<bool> IsActiveAsync(AdminFixture app, string slug, string clientId, string clientSecret, string token)
    {
        using var client = app.Factory.CreateApiClient(apiKey: null);
        using var response = await client.PostAsync($"/t/{slug}/connect/introspect", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token,
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        }), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Introspection → {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("active").GetBoolean();
    }
}
