using System.Net;
using AlexaLinkHub.Web.FunctionalTests.Support;
using AlexaLinkHub.Web.FunctionalTests.Localization.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Localization;

/// <summary>The account pages (sign-up, forgot password) follow the browser's Accept-Language like the login page, and
/// the emails they cause are written in the language of the page that caused them.</summary>
public sealed class AccountPagesLanguageTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private HttpClient Browser() => api.Factory.CreateApiClient(apiKey: null);

    private static async Task<string> NewTenantAsync(ApiFixture api)
    {
        var slug = ApiFixture.NewSlug();
        await api.Platform.CreateTenantOkAsync(slug, LocalizedPageSetup.TenantName);
        return slug;
    }

    /// <summary>Opens a form page (for its antiforgery token and cookie) and submits it with these fields, as a browser does.</summary>
    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string url, string acceptLanguage, Dictionary<string, string> fields)
    {
        var form = await TenantPage.GetAsync(browser, url, acceptLanguage);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        fields["returnUrl"] = form.HiddenValue("returnUrl");
        fields["__RequestVerificationToken"] = form.HiddenValue("__RequestVerificationToken");
        return await TenantPage.PostFormAsync(browser, url, fields, acceptLanguage);
    }

    [Fact]
    public async Task SignUp_German_ShowsTheFormInGerman()
    {
        var slug = await NewTenantAsync(api);

        var page = await TenantPage.GetAsync(Browser(), $"/t/{slug}/signup", "de-DE");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("de-DE", page.Lang);
        Assert.Equal("Konto erstellen · Acme", page.Title);
        Assert.Equal("Ihr Konto bei Acme erstellen", page.H1);
        Assert.Equal(new[] { "E-Mail", "Name", "Passwort" }, page.Texts("label"));
        Assert.Equal("Mindestens 8 Zeichen. Ein langer Satz ist leicht zu merken und schwer zu erraten.", page.TextOfId("password-hint"));
        Assert.Equal(new[] { "Konto erstellen" }, page.Texts("button"));
        Assert.Equal(new[] { "Ich habe bereits ein Konto" }, page.Texts("a"));
    }

    [Fact]
    public async Task SignUp_InvalidFieldsFromAGermanPage_ExplainsEachFieldInGerman()
    {
        var slug = await NewTenantAsync(api);

        using var response = await SubmitAsync(Browser(), $"/t/{slug}/signup", "de-DE", new()
        {
            ["Input.Email"] = "not-an-email",
            ["Input.Name"] = "",
            ["Input.Password"] = "short",
        });

        var page = await TenantPage.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Geben Sie eine E-Mail-Adresse wie name@example.com ein.", page.TextOfId("email-error"));
        Assert.Equal("Geben Sie Ihren Namen ein (höchstens 100 Zeichen).", page.TextOfId("name-error"));
        Assert.Equal("Verwenden Sie mindestens 8 Zeichen.", page.TextOfId("password-error"));
    }

    [Fact]
    public async Task ForgotPassword_Japanese_ShowsTheFormInJapanese()
    {
        var slug = await NewTenantAsync(api);

        var page = await TenantPage.GetAsync(Browser(), $"/t/{slug}/forgot-password", "ja-JP");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("ja-JP", page.Lang);
        Assert.Equal("パスワードをお忘れですか？ · Acme", page.Title);
        Assert.Equal("パスワードのリセット", page.H1);
        Assert.Contains("Acme アカウントのメールアドレスを入力してください。新しいパスワードを設定するためのリンクをお送りします。", page.Texts("p"));
        Assert.Equal(new[] { "メールアドレス" }, page.Texts("label"));
        Assert.Equal(new[] { "リセット用のリンクを送信" }, page.Texts("button"));
        Assert.Equal(new[] { "サインインに戻る" }, page.Texts("a"));
    }

    [Fact]
    public async Task ForgotPassword_RequestedFromAGermanPage_SendsTheResetEmailInGerman()
    {
        var slug = await NewTenantAsync(api);
        var email = $"jo-{Guid.NewGuid():N}@example.com";
        await api.Platform.CreateUserOkAsync(slug, email, displayName: "Jo Doe");

        using var response = await SubmitAsync(Browser(), $"/t/{slug}/forgot-password", "de-DE", new() { ["Email"] = email });

        var page = await TenantPage.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(
            $"Falls es bei Acme ein Konto für {email} gibt, haben wir eine E-Mail mit einem Link dorthin gesendet, über den Sie ein neues Passwort festlegen können. Der Link ist eine Stunde lang gültig.",
            page.Texts("p"));
        var message = await MailPickup.WaitForMessageToAsync(api.Factory.MailDirectory, email);
        Assert.Equal("Ihr Passwort bei Acme zurücksetzen", message.Subject);
        Assert.NotNull(message.TextBody);
        var body = message.TextBody.ReplaceLineEndings("\n");
        Assert.StartsWith($"Hallo Jo Doe,\n\nJemand hat angefordert, das Passwort Ihres Kontos bei Acme ({email}) zurückzusetzen.\n\n", body, StringComparison.Ordinal);
        Assert.Contains($"\nNeues Passwort festlegen: {ApiFixture.PublicBaseUrl}/t/{slug}/reset-password?token=", body, StringComparison.Ordinal);
        Assert.Contains("\nFalls Sie das nicht waren, ignorieren Sie diese E-Mail: Ihr Passwort bleibt unverändert.", body, StringComparison.Ordinal);
        Assert.Contains(">Neues Passwort festlegen</a>", message.HtmlBody, StringComparison.Ordinal);
    }
}
