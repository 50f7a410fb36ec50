using System.Net;
using AlexaLinkHub.Web.FunctionalTests.Support;
using AlexaLinkHub.Web.FunctionalTests.Localization.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Localization;

/// <summary>The consent page and the error page of the authorization endpoint speak the Alexa app's language.</summary>
public sealed class AuthorizePageLanguageTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Email = "jo@example.com";
    private const string Password = "correct horse battery";

    /// <summary>A browser signed in as an end user of a fresh tenant with a skill.</summary>
    private async Task<(LocalizedPageSetup Setup, HttpClient Browser)> SignedInAsync(string? acceptLanguage)
    {
        var setup = await LocalizedPageSetup.CreateAsync(api);
        await api.Platform.CreateUserOkAsync(setup.Slug, Email);
        var browser = api.Factory.CreateApiClient(apiKey: null);
        using var signIn = await setup.SubmitLoginAsync(browser, Email, Password, acceptLanguage, inLinkFlow: true);
        Assert.Equal(HttpStatusCode.Found, signIn.StatusCode);
        return (setup, browser);
    }

    [Theory]
    [InlineData("de-DE", "de-DE", "ltr", "Zugriff erlauben", "Car Fu mit Ihrem Konto bei Acme verknüpfen?",
        "Car Fu erhält folgende Berechtigung: order a taxi on your behalf.", "Sie können die Verknüpfung jederzeit in der Alexa-App aufheben.", "Zulassen", "Abbrechen")]
    [InlineData("ja-JP", "ja-JP", "ltr", "アクセスの許可", "Car Fu と Acme のアカウントをリンクしますか？",
        "Car Fu に次の操作を許可します：order a taxi on your behalf", "アカウントのリンクは、Alexa アプリでいつでも解除できます。", "許可", "キャンセル")]
    [InlineData("ar", "ar", "rtl", "السماح بالوصول", "هل تريد ربط Car Fu بحسابك على Acme؟",
        "سيُسمح لـ Car Fu بما يلي: order a taxi on your behalf.", "يمكنك إلغاء الربط في أي وقت من تطبيق Alexa.", "السماح", "إلغاء")]
    [InlineData("fr-CA", "fr", "ltr", "Autoriser l’accès", "Associer Car Fu à votre compte Acme\u00a0?",
        "Car Fu aura l’autorisation de\u00a0: order a taxi on your behalf.", "Vous pouvez dissocier votre compte à tout moment dans l’application Alexa.", "Autoriser", "Annuler")]
    [InlineData("en-US", "en-US", "ltr", "Allow access", "Link Car Fu with your Acme account?",
        "This allows Car Fu to order a taxi on your behalf.", "You can unlink at any time in the Alexa app.", "Allow", "Cancel")]
    public async Task Authorize_SignedIn_AsksConsentInTheLanguage(
        string acceptLanguage, string lang, string dir, string title, string heading, string firstScope, string hint, string allow, string cancel)
    {
        var (setup, browser) = await SignedInAsync(acceptLanguage);

        var page = await TenantPage.GetAsync(browser, setup.AuthorizeUrl(), acceptLanguage);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(lang, page.Lang);
        Assert.Equal(dir, page.Dir);
        Assert.Equal($"{title} · {LocalizedPageSetup.TenantName}", page.Title);
        Assert.Equal(heading, page.H1);
        var scopes = page.Texts("li");
        Assert.Equal(2, scopes.Count);
        Assert.Equal(firstScope, scopes[0]);
        Assert.Contains("read your name", scopes[1], StringComparison.Ordinal);
        Assert.Contains(hint, page.Texts("p"));
        Assert.Equal(new[] { allow, cancel }, page.Texts("button"));
    }

    [Theory]
    [InlineData("de-DE", "Dadurch erfährt Car Fu, wer Sie bei Acme sind.")]
    [InlineData("pt-BR", "Isso permite que Car Fu saiba quem você é em Acme.")]
    [InlineData("en-GB", "This allows Car Fu to know who you are at Acme.")]
    public async Task Authorize_NoScopes_SaysTheSkillLearnsWhoYouAreInTheLanguage(string acceptLanguage, string sentence)
    {
        var (setup, browser) = await SignedInAsync(acceptLanguage);

        var page = await TenantPage.GetAsync(browser, setup.AuthorizeUrl(scope: null), acceptLanguage);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Empty(page.Texts("li"));
        Assert.Contains(sentence, page.Texts("p"));
    }

    [Theory]
    [InlineData("de-DE", "Verknüpfung nicht möglich", "Diese Verknüpfungsanfrage kann nicht abgeschlossen werden",
        "Die Anfrage zur Verknüpfung Ihres Kontos bei Acme ist ungültig. Bitte beginnen Sie erneut in der Alexa-App.", "Details für den Support")]
    [InlineData("es-MX", "No se puede vincular", "No se puede completar esta solicitud de vinculación",
        "La solicitud para vincular su cuenta de Acme no es válida. Vuelva a empezar desde la aplicación Alexa.", "Detalles para el soporte técnico")]
    [InlineData("sw", "Link not possible", "This link request can't be completed",
        "The request to link your Acme account is not valid. Please start again from the Alexa app.", "Details for support")]
    public async Task Authorize_UnknownClient_ShowsTheErrorPageInTheLanguage(string acceptLanguage, string title, string heading, string explanation, string details)
    {
        var setup = await LocalizedPageSetup.CreateAsync(api);
        var browser = api.Factory.CreateApiClient(apiKey: null);

        var page = await TenantPage.GetAsync(browser, setup.AuthorizeUrl(clientId: "no-such-skill"), acceptLanguage);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal($"{title} · {LocalizedPageSetup.TenantName}", page.Title);
        Assert.Equal(heading, page.H1);
        Assert.Contains(explanation, page.Texts("p"));
        Assert.Equal(new[] { details }, page.Texts("summary"));
    }
}
