using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AlexaLinkHub.Web.FunctionalTests.Support;
using AlexaLinkHub.Web.FunctionalTests.Localization.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Localization;

/// <summary>The login page follows the Alexa app's Accept-Language: translated texts, <c>lang</c> and <c>dir</c> on
/// <c>&lt;html&gt;</c>, a regional language falling back to its language, anything else to English.</summary>
public sealed class LoginPageLanguageTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Browser() => api.Factory.CreateApiClient(apiKey: null);

    [Theory]
    [InlineData("de-DE", "de-DE", "ltr", "Bei Acme anmelden", "E-Mail", "Passwort", "Anmelden")]
    [InlineData("ja-JP", "ja-JP", "ltr", "Acme にサインイン", "メールアドレス", "パスワード", "サインイン")]
    [InlineData("pt-BR", "pt-BR", "ltr", "Entrar em Acme", "E-mail", "Senha", "Entrar")]
    [InlineData("ar", "ar", "rtl", "تسجيل الدخول إلى Acme", "البريد الإلكتروني", "كلمة المرور", "تسجيل الدخول")]
    [InlineData("ar-SA", "ar-SA", "rtl", "تسجيل الدخول إلى Acme", "البريد الإلكتروني", "كلمة المرور", "تسجيل الدخول")]
    [InlineData("fr-FR", "fr-FR", "ltr", "Se connecter à Acme", "E-mail", "Mot de passe", "Se connecter")]
    [InlineData("es-ES", "es-ES", "ltr", "Iniciar sesión en Acme", "Correo electrónico", "Contraseña", "Iniciar sesión")]
    [InlineData("it-IT", "it-IT", "ltr", "Accedi a Acme", "Email", "Password", "Accedi")]
    [InlineData("hi-IN", "hi-IN", "ltr", "Acme में साइन इन करें", "ईमेल", "पासवर्ड", "साइन इन करें")]
    public async Task Login_SupportedLanguage_IsServedInThatLanguage(
        string acceptLanguage, string lang, string dir, string heading, string emailLabel, string passwordLabel, string button)
    {
        var setup = await LocalizedPageSetup.CreateAsync(api);

        var page = await TenantPage.GetAsync(Browser(), setup.LoginUrl, acceptLanguage);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(lang, page.Lang);
        Assert.Equal(dir, page.Dir);
        Assert.Equal(heading, page.H1);
        Assert.Equal(new[] { emailLabel, passwordLabel }, page.Texts("label"));
        Assert.Equal(new[] { button }, page.Texts("button"));
        Assert.Equal($"{button} · {LocalizedPageSetup.TenantName}", page.Title);
    }

    [Theory]
    [InlineData("fr-CA", "fr", "Se connecter à Acme", "Mot de passe")]
    [InlineData("es-MX", "es", "Iniciar sesión en Acme", "Contraseña")]
    [InlineData("de-AT", "de", "Bei Acme anmelden", "Passwort")]
    public async Task Login_RegionalOrSecondChoiceLanguage_FallsBackToThatLanguage(string acceptLanguage, string lang, string heading, string passwordLabel)
    {
        var setup = await LocalizedPageSetup.CreateAsync(api);

        var page = await TenantPage.GetAsync(Browser(), setup.LoginUrl, acceptLanguage);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(lang, page.Lang);
        Assert.Equal(heading, page.H1);
        Assert.Equal(passwordLabel, page.Texts("label")[1]);
    }

    [Theory]
    [InlineData("en-GB", "en-GB")]
    [InlineData("en-US", "en-US")]
    [InlineData("sw", "en-US")]
    [InlineData("zz-ZZ", "en-US")]
    [InlineData(null, "en-US")]
    public async Task Login_EnglishUnsupportedOrNoLanguage_IsServedInEnglish(string? acceptLanguage, string lang)
    {
        var setup = await LocalizedPageSetup.CreateAsync(api);

        var page = await TenantPage.GetAsync(Browser(), setup.LoginUrl, acceptLanguage);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(lang, page.Lang);
        Assert.Equal("ltr", page.Dir);
        Assert.Equal("Sign in to Acme", page.H1);
        Assert.Equal(new[] { "Email", "Password" }, page.Texts("label"));
        Assert.Equal(new[] { "Sign in" }, page.Texts("button"));
        Assert.Contains("Use the email and password of your Acme account — not your Amazon account.", page.Texts("p"));
    }

    [Fact]
    public async Task Login_SecondChoiceAfterUnsupportedFirst_FollowsTheQualityOrder()
    {
        var setup = await LocalizedPageSetup.CreateAsync(api);

        var page = await TenantPage.GetAsync(Browser(), setup.LoginUrl, "sw;q=1, ja;q=0.9, de;q=0.5");

        Assert.Equal("ja", page.Lang);
        Assert.Equal("Acme にサインイン", page.H1);
    }

    [Theory]
    [InlineData("de-DE", "Melden Sie sich an, um Car Fu mit Ihrem Konto bei Acme zu verknüpfen.")]
    [InlineData("ja-JP", "サインインして、Car Fu と Acme のアカウントをリンクしてください。")]
    [InlineData("ar", "سجّل الدخول لربط Car Fu بحسابك على Acme.")]
    [InlineData("en-US", "Sign in to link Car Fu with your Acme account.")]
    public async Task Login_InLinkFlow_NamesSkillAndVendorInTheirPlacesInTheLanguage(string acceptLanguage, string lead)
    {
        var setup = await LocalizedPageSetup.CreateAsync(api);

        var page = await setup.OpenLoginInLinkFlowAsync(Browser(), acceptLanguage);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(lead, page.Texts("p"));
    }

    [Fact]
    public async Task Login_LinksAndFooter_AreTranslated()
    {
        var setup = await LocalizedPageSetup.CreateAsync(api);
        var branding = new { supportUrl = "https://acme.example/support", privacyUrl = "https://acme.example/privacy" };
        var patched = await api.Platform.PatchAsJsonAsync($"/api/v1/tenants/{setup.Slug}", new { branding }, Ct);
        await ApiAssert.AssertStatusAsync(patched, HttpStatusCode.OK);

        var page = await TenantPage.GetAsync(Browser(), setup.LoginUrl, "de-DE");

        Assert.Equal(new[] { "Konto erstellen", "Passwort vergessen?", "Hilfe", "Datenschutz" }, page.Texts("a"));
        Assert.Contains("Verwenden Sie die E-Mail-Adresse und das Passwort Ihres Kontos bei Acme – nicht die Ihres Amazon-Kontos.", page.Texts("p"));
    }

    [Fact]
    public async Task Login_NonLatinScript_IsSentAsCharactersNotNumericReferences()
    {
        var setup = await LocalizedPageSetup.CreateAsync(api);

        var page = await TenantPage.GetAsync(Browser(), setup.LoginUrl, "ja-JP");

        Assert.Contains("<label for=\"email\">メールアドレス</label>", page.Html, StringComparison.Ordinal);
        // Markup characters (and '+' of the style nonce) are still encoded; letters of any script are not.
        var nonAsciiReferences = Regex.Matches(page.Html, "&#x([0-9A-Fa-f]+);")
            .Where(m => int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture) > 0x7F)
            .Select(m => m.Value)
            .ToList();
        Assert.Empty(nonAsciiReferences);
    }

    [Theory]
    [InlineData("de-DE", "Geben Sie Ihre E-Mail-Adresse ein.", "Geben Sie Ihr Passwort ein.")]
    [InlineData("ja-JP", "メールアドレスを入力してください。", "パスワードを入力してください。")]
    [InlineData("en-US", "Enter your email address.", "Enter your password.")]
    public async Task Login_EmptyFields_NamesEachMissingFieldInTheLanguage(string acceptLanguage, string emailError, string passwordError)
    {
        var setup = await LocalizedPageSetup.CreateAsync(api);
        var browser = Browser();

        using var response = await setup.SubmitLoginAsync(browser, email: "", password: "", acceptLanguage);

        var page = await TenantPage.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(emailError, page.TextOfId("email-error"));
        Assert.Equal(passwordError, page.TextOfId("password-error"));
    }

    [Theory]
    [InlineData("de-DE", "E-Mail-Adresse oder Passwort ist falsch. Verwenden Sie Ihr Konto bei Acme, nicht Ihr Amazon-Konto.")]
    [InlineData("ar", "البريد الإلكتروني أو كلمة المرور غير صحيحة. استخدم حسابك على Acme، وليس حسابك على Amazon.")]
    [InlineData("en-GB", "The email or password is not correct. Use your Acme account, not your Amazon account.")]
    public async Task Login_WrongPassword_ExplainsInTheLanguage(string acceptLanguage, string message)
    {
        var setup = await LocalizedPageSetup.CreateAsync(api);
        await api.Platform.CreateUserOkAsync(setup.Slug, "jo@example.com");

        using var response = await setup.SubmitLoginAsync(Browser(), "jo@example.com", "wrong password", acceptLanguage);

        var page = await TenantPage.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(new[] { message }, page.Texts("li"));
    }

    [Fact]
    public async Task Login_LockedOut_SaysHowManyMinutesInTheLanguage()
    {
        var setup = await LocalizedPageSetup.CreateAsync(api);
        var browser = Browser();
        for (var attempt = 1; attempt < 5; attempt++)
        {
            using var failed = await setup.SubmitLoginAsync(browser, "jo@example.com", "wrong password", "de-DE");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using var response = await setup.SubmitLoginAsync(browser, "jo@example.com", "wrong password", "de-DE");

        var page = await TenantPage.ReadAsync(response);
        Assert.Equal(
            new[] { "Zu viele fehlgeschlagene Versuche. Warten Sie 15 Minuten und versuchen Sie es dann erneut, oder setzen Sie Ihr Passwort zurück." },
            page.Texts("li"));
    }
}
