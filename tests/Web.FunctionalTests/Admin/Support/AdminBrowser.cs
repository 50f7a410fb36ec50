using System.Net;

namespace AlexaLinkHub.Web.FunctionalTests.Admin.Support;

/// <summary>What a browser does with the admin pages, over HTTP: keeps cookies, follows no redirect, and posts forms the
/// way a browser does — with the antiforgery token of a page it has loaded.</summary>
public sealed class AdminBrowser(HttpClient client) : IDisposable
{
    public HttpClient Client { get; } = client;

    public async Task<AdminPage> GetAsync(string url)
    {
        using var response = await Client.GetAsync(url, TestContext.Current.CancellationToken);
        return await AdminPage.ReadAsync(response);
    }

    /// <summary>Loads <paramref name="formPage"/> (default: <paramref name="url"/> without its query) for its antiforgery
    /// token, then posts <paramref name="fields"/> to <paramref name="url"/>.</summary>
    public async Task<AdminPage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string? formPage = null)
    {
        var page = await GetAsync(formPage ?? url.Split('?')[0]);
        Assert.True(page.Status == HttpStatusCode.OK, $"GET {formPage ?? url} → {(int)page.Status}: {page.Html}");
        return await PostAsync(url, fields.Append(new("__RequestVerificationToken", page.AntiforgeryToken())));
    }

    /// <summary>Posts exactly these fields (no antiforgery token unless included).</summary>
    public async Task<AdminPage> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var response = await Client.PostAsync(url, new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
        return await AdminPage.ReadAsync(response);
    }

    public Task<AdminPage> SignInAsync(string email, string password, bool expectSuccess = true) =>
        SignInCoreAsync(email, password, expectSuccess);

    public Task<AdminPage> SignUpAsync(string email, string password, string organization, string slug) =>
        PostFormAsync("/admin/signup", Fields(("Input.Email", email), ("Input.Password", password), ("Input.OrganizationName", organization), ("Input.TenantSlug", slug)));

    public static IEnumerable<KeyValuePair<string, string>> Fields(params (string Name, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value));

    public void Dispose() => Client.Dispose();

    private async Task<AdminPage> SignInCoreAsync(string email, string password, bool expectSuccess)
    {
        var page = await PostFormAsync("/admin/login", Fields(("Input.Email", email), ("Input.Password", password)));
        if (expectSuccess)
            Assert.True(page.Status == HttpStatusCode.Redirect, $"Sign-in as {email} → {(int)page.Status}: {page.Html}");
        return page;
    }
}
