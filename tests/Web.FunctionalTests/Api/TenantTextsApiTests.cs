using System.Net;
using System.Net.Http.Json;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Api;

/// <summary><c>PATCH /api/v1/tenants/{slug}</c> <c>{ "texts": … }</c>: the vendor's own words on the login pages per
/// language, falling back to English and then to the built-in text; plain text, escaped, length-limited.</summary>
public sealed class TenantTextsApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> NewTenantAsync()
    {
        var slug = ApiFixture.NewSlug("texts");
        await api.Platform.CreateTenantOkAsync(slug, "Car Fu");
        return slug;
    }

    private Task<HttpResponseMessage> PatchAsync(string slug, object body) => api.Platform.PatchAsJsonAsync($"/api/v1/tenants/{slug}", body, Ct);

    private async Task<Html> LoginPageAsync(string slug, string? acceptLanguage)
    {
        using var client = api.Client(apiKey: null);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/t/{slug}/login");
        if (acceptLanguage is not null)
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Html.Parse(await response.Content.ReadAsStringAsync(Ct), response.RequestMessage!.RequestUri!);
    }

    [Fact]
    public async Task PatchTexts_TwoLanguages_EachPageShowsItsLanguageThenEnglishThenTheBuiltInText()
    {
        var slug = await NewTenantAsync();

        var patched = await ApiAssert.JsonAsync(await PatchAsync(slug, new
        {
            texts = new Dictionary<string, object>
            {
                ["en"] = new { loginHeading = "Welcome to Car Fu & Co", loginHelp = "Use your \"Car Fu\" account, not your Amazon account", supportMessage = "Call 0800 CARFU" },
                ["de"] = new { loginHeading = "Willkommen bei Car Fu" },
            },
            branding = new { faviconUrl = "https://cdn.carfu.example/favicon.png" },
        }), HttpStatusCode.OK);
        var english = await LoginPageAsync(slug, "en-US");
        var german = await LoginPageAsync(slug, "de-AT,de;q=0.9");
        var french = await LoginPageAsync(slug, "fr-FR");

        Assert.Equal(["de", "en"], patched.GetProperty("texts").EnumerateObject().Select(p => p.Name));
        Assert.Equal("Willkommen bei Car Fu", patched.GetProperty("texts").GetProperty("de").Str("loginHeading"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, patched.GetProperty("texts").GetProperty("de").GetProperty("loginHelp").ValueKind);
        Assert.Equal("https://cdn.carfu.example/favicon.png", patched.GetProperty("branding").Str("faviconUrl"));

        Assert.Equal(["Welcome to Car Fu & Co"], english.Texts("h1"));
        Assert.Equal(["Use your \"Car Fu\" account, not your Amazon account"], english.Texts("p.hint"));
        Assert.Equal(["Call 0800 CARFU"], english.Texts("p.support-message"));
        Assert.Equal("https://cdn.carfu.example/favicon.png", english.Document.QuerySelector("link[rel='icon']")?.GetAttribute("href"));
        Assert.Equal(["Willkommen bei Car Fu"], german.Texts("h1"));
        Assert.Equal(["Use your \"Car Fu\" account, not your Amazon account"], german.Texts("p.hint"));
        Assert.Equal(["Welcome to Car Fu & Co"], french.Texts("h1"));

        // A language emptied falls back; English emptied falls back to the built-in text.
        await ApiAssert.JsonAsync(await PatchAsync(slug, new { texts = new Dictionary<string, object?> { ["en"] = null, ["de"] = new { loginHeading = "" } } }), HttpStatusCode.OK);
        var tenant = await ApiAssert.JsonAsync(await api.Platform.GetAsync($"/api/v1/tenants/{slug}", Ct), HttpStatusCode.OK);
        Assert.Empty(tenant.GetProperty("texts").EnumerateObject());
        Assert.Equal(["Sign in to Car Fu"], (await LoginPageAsync(slug, "en-US")).Texts("h1"));
        Assert.Empty((await LoginPageAsync(slug, "en-US")).Texts("p.support-message"));
    }

    [Theory]
    [InlineData("de", "loginHeading", "<b>Hallo</b>", "texts.de.loginHeading")]
    [InlineData("en", "loginHelp", "line\u0007bell", "texts.en.loginHelp")]
    [InlineData("ja", "supportMessage", null, "texts.ja.supportMessage")]
    [InlineData("xx", "loginHeading", "Hello", "texts")]
    public async Task PatchTexts_NotPlainShortTextOrAnUnknownLanguage_Is400NamingTheFieldAndChangesNothing(string language, string field, string? value, string errorField)
    {
        var slug = await NewTenantAsync();
        await ApiAssert.JsonAsync(await PatchAsync(slug, new { texts = new Dictionary<string, object> { ["en"] = new { loginHeading = "Kept" } } }), HttpStatusCode.OK);

        var text = new Dictionary<string, string?> { [field] = value ?? new string('x', 501) };
        var problem = await ApiAssert.ProblemAsync(await PatchAsync(slug, new { displayName = "Renamed", texts = new Dictionary<string, object> { [language] = text } }), HttpStatusCode.BadRequest, errorField);

        Assert.NotNull(problem.GetProperty("errors").GetProperty(errorField)[0].GetString());
        var tenant = await ApiAssert.JsonAsync(await api.Platform.GetAsync($"/api/v1/tenants/{slug}", Ct), HttpStatusCode.OK);
        Assert.Equal("Car Fu", tenant.Str("displayName"));
        Assert.Equal(["en"], tenant.GetProperty("texts").EnumerateObject().Select(p => p.Name));
        Assert.Equal("Kept", tenant.GetProperty("texts").GetProperty("en").Str("loginHeading"));
    }
}
