using System.Net;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Admin.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Admin;

/// <summary>A vendor adds its own OpenID Connect login in the admin UI (discovered on save, against the real test
/// provider); it appears on the tenant's login page at once, and disappears when disabled.</summary>
public sealed class SignInProvidersPageTests(AdminFixture app) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task AddOwnOidcLogin_ShowsTheCallbackUrl_AndTheLoginPageOffersIt_UntilDisabled()
    {
        var idp = await OidcProvider.SharedAsync();
        var (vendor, slug, _) = await app.VendorAsync("idp");
        using var _ = vendor;
        var page = $"/admin/t/{slug}/sign-in-providers";

        var added = await vendor.PostFormAsync($"{page}?handler=Add", AdminBrowser.Fields(
            ("Input.Name", "carfu-id"), ("Input.Type", "oidc"), ("Input.DisplayName", "Car Fu ID"), ("Input.Issuer", idp.Issuer()),
            ("Input.ClientId", "carfu-client"), ("Input.ClientSecret", "very-secret-value")), formPage: page);

        Assert.Equal($"https://alh.test/t/{slug}/signin/carfu-id/callback", added.ValueOfId("callback-url"));
        Assert.DoesNotContain("very-secret-value", added.Html, StringComparison.Ordinal);
        Assert.Contains("Continue with Car Fu ID", (await LoginPageAsync(slug)).Html, StringComparison.Ordinal);

        var disabled = await vendor.PostFormAsync($"{page}?handler=Enable", AdminBrowser.Fields(("name", "carfu-id"), ("enabled", "false")), formPage: page);

        Assert.Contains("carfu-id is no longer on the login page.", disabled.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Continue with Car Fu ID", (await LoginPageAsync(slug)).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddProvider_PlainHttpIssuerElsewhere_IsRefusedUnderTheField()
    {
        var (vendor, slug, _) = await app.VendorAsync("idp");
        using var _ = vendor;
        var page = $"/admin/t/{slug}/sign-in-providers";

        var refused = await vendor.PostFormAsync($"{page}?handler=Add", AdminBrowser.Fields(
            ("Input.Name", "vendor"), ("Input.Type", "oidc"), ("Input.DisplayName", "Vendor"), ("Input.Issuer", "http://idp.example.com"),
            ("Input.ClientId", "c"), ("Input.ClientSecret", "s")), formPage: page);

        Assert.Contains("must use https", refused.Dom.TextOf("issuer-error"), StringComparison.Ordinal);
        Assert.Null(refused.Dom.ById("callback-url"));
    }

    private async Task<HtmlPage> LoginPageAsync(string slug)
    {
        using var browser = LinkFlowClient.Create(app.Factory);
        return await browser.GetPageAsync($"/t/{slug}/login");
    }
}
