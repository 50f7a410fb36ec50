using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AlexaLinkHub.Domain.Users;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Imports.Support;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;
using AlexaLinkHub.Web.FunctionalTests.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Imports;

/// <summary>Lazy migration against a real HTTP server on 127.0.0.1 standing in for the vendor's own login: the call is
/// signed exactly as our webhooks are, a yes creates the user and the link goes on, a no is a wrong password, and a
/// timeout, a 500 or a redirect is "we couldn't reach …" with no account created.</summary>
public sealed class LegacySignInTests(LegacySignInTests.LegacyVendorApp app) : IClassFixture<LegacySignInTests.LegacyVendorApp>
{
    private const string BadCredentials = "The email or password is not correct. Use your Car Fu Rides account, not your Amazon account.";
    private const string Unreachable = "We couldn't reach Car Fu Rides to check your password. Try again in a moment.";
    private const string Password = "the vendor's password";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(LinkSetup Setup, WebhookReceiver Vendor, string Secret)> ArrangeAsync(string path = "/legacy")
    {
        var setup = await app.Platform.ArrangeLinkAsync();
        var vendor = await WebhookReceiver.StartAsync();
        using var response = await app.Platform.PutAsJsonAsync($"/api/v1/tenants/{setup.Slug}/legacy-sign-in", new { url = vendor.Url(path), enabled = true }, Ct);
        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        return (setup, vendor, body.Str("secret"));
    }

    private async Task<HtmlPage> SignInAsync(LinkSetup setup, string email, string password)
    {
        using var browser = LinkFlowClient.Create(app.Factory);
        var login = await browser.FollowAsync(await browser.GetPageAsync(setup.AuthorizeUrl()));
        return await browser.SignInAsync(login, email, password);
    }

    private static string Account(string email, string externalId = "legacy-7", string displayName = "Lena Legacy") =>
        JsonSerializer.Serialize(new { externalId, email, displayName });

    [Fact]
    public async Task UnknownEmail_VendorSaysYes_TheSignedCallCreatesTheUserAndTheLinkGoesOn()
    {
        var (setup, vendor, secret) = await ArrangeAsync();
        await using var server = vendor;
        vendor.AnswerJson(200, Account("lena@vendor.example"));

        using var browser = LinkFlowClient.Create(app.Factory);
        var linked = await browser.LinkAsync(setup.AuthorizeUrl(), " Lena@Vendor.example ", Password);

        Assert.NotEmpty(LinkAssert.FragmentRedirect(linked, setup.Skill.RedirectUri)["access_token"]);
        var call = Assert.Single(vendor.Received);
        Assert.Equal(("POST", "/legacy"), (call.Method, call.Path));
        Assert.StartsWith("application/json", call.Header("content-type"), StringComparison.Ordinal);
        Assert.True(StandardWebhooks.Verify(secret, call), "The call is signed with the tenant's secret, as webhooks are.");
        Assert.StartsWith("msg_", call.Header("webhook-id"), StringComparison.Ordinal);
        Assert.InRange(long.Parse(call.Header("webhook-timestamp"), System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
        using var body = JsonDocument.Parse(call.Body);
        Assert.Equal(("Lena@Vendor.example", Password, setup.Slug),
            (body.RootElement.Str("email"), body.RootElement.Str("password"), body.RootElement.Str("tenant")));

        var user = await app.Factory.StoredUserAsync(setup.Slug, "lena@vendor.example");
        Assert.Equal(("Lena Legacy", "legacy-7", PasswordSource.Own), (user!.DisplayName, user.ExternalId, user.PasswordSource));
        Assert.Equal(HttpStatusCode.Found, (await SignInAsync(setup, "lena@vendor.example", Password)).StatusCode);
        Assert.Single(vendor.Received);
        var audit = await app.Platform.GetStringAsync($"/api/v1/tenants/{setup.Slug}/audit?action=user.migrated", Ct);
        Assert.Contains($"user:{user.Id}", audit, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, await app.Platform.GetStringAsync($"/api/v1/tenants/{setup.Slug}/audit?pageSize=100", Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(404)]
    public async Task VendorSaysNo_IsAWrongPassword_AndCreatesNoAccount(int status)
    {
        var (setup, vendor, _) = await ArrangeAsync();
        await using var server = vendor;
        vendor.Answer(status);

        var page = await SignInAsync(setup, "nobody@vendor.example", "guess");

        Assert.Equal(BadCredentials, page.TextOf("error"));
        Assert.Single(vendor.Received);
        Assert.Null(await app.Factory.StoredUserAsync(setup.Slug, "nobody@vendor.example"));
    }

    public static TheoryData<string> Outages() => ["timeout", "500", "redirect"];

    [Theory]
    [MemberData(nameof(Outages))]
    public async Task VendorUnreachable_IsAnInlineTryAgain_WithOneCallAndNoAccount(string outage)
    {
        var (setup, vendor, _) = await ArrangeAsync();
        await using var server = vendor;
        await using var elsewhere = await WebhookReceiver.StartAsync();
        switch (outage)
        {
            case "timeout": vendor.AnswerNever(); break;
            case "500": vendor.Answer(500); break;
            default: vendor.AnswerRedirect(elsewhere.Url("/steal")); break;
        }

        var started = DateTime.UtcNow;
        var page = await SignInAsync(setup, "lena@vendor.example", Password);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(Unreachable, page.TextOf("error"));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10), "The call has a short time limit.");
        Assert.Single(vendor.Received);
        Assert.Empty(elsewhere.Received);
        Assert.Null(await app.Factory.StoredUserAsync(setup.Slug, "lena@vendor.example"));
        var failure = Assert.Single(await LinkAssert.AuditAsync(app.Platform, setup.Slug, "link.failed"));
        Assert.StartsWith($"reason=legacy_unavailable; clientId={setup.Skill.ClientId}; detail=", failure.Str("details"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LegacyAttempts_CountTowardsTheLockout_AndALockedEmailIsNotSentToTheVendor()
    {
        var (setup, vendor, _) = await ArrangeAsync();
        await using var server = vendor;
        vendor.Answer(401, 401, 500, 401, 401);

        for (var i = 0; i < 4; i++)
            await SignInAsync(setup, "lena@vendor.example", "guess " + i);
        var fifth = await SignInAsync(setup, "lena@vendor.example", "guess 5");
        var sixth = await SignInAsync(setup, "lena@vendor.example", Password);

        Assert.Equal("Too many failed attempts. Wait 15 minutes and try again, or reset your password.", fifth.TextOf("error"));
        Assert.Equal(fifth.TextOf("error"), sixth.TextOf("error"));
        Assert.Equal(5, vendor.Received.Count);
    }

    [Fact]
    public async Task UserImportedWithoutAPassword_IsCheckedAtTheVendor_ThenHasOurHash()
    {
        var (setup, vendor, _) = await ArrangeAsync();
        await using var server = vendor;
        await app.Platform.ImportAsync(setup.Slug, ImportArrange.Row("ivy@vendor.example", "Ivy", externalId: "crm-ivy"));
        vendor.AnswerJson(200, Account("ivy@vendor.example", "crm-ivy", "Ivy"));

        var page = await SignInAsync(setup, "ivy@vendor.example", Password);

        Assert.Equal(HttpStatusCode.Found, page.StatusCode);
        var user = await app.Factory.StoredUserAsync(setup.Slug, "ivy@vendor.example");
        Assert.Equal((PasswordSource.Own, "crm-ivy"), (user!.PasswordSource, user.ExternalId));
        Assert.Equal(1, await app.Factory.CountUsersAsync(setup.Slug) - 1);
    }

    [Fact]
    public async Task Settings_SecretIsShownOnceAndRotated_TheTestCallsTheEndpoint_AndDeleteTurnsItOff()
    {
        var (setup, vendor, secret) = await ArrangeAsync();
        await using var server = vendor;
        var settings = $"/api/v1/tenants/{setup.Slug}/legacy-sign-in";
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);

        var read = await ApiAssert.JsonAsync(await app.Platform.GetAsync(settings, Ct), HttpStatusCode.OK);
        var changed = await ApiAssert.JsonAsync(await app.Platform.PutAsJsonAsync(settings, new { url = vendor.Url("/v2"), enabled = false }, Ct), HttpStatusCode.OK);
        var rotated = await ApiAssert.JsonAsync(await app.Platform.PostAsync($"{settings}/rotate-secret", null, Ct), HttpStatusCode.OK);
        vendor.Answer(404);
        var test = await ApiAssert.JsonAsync(await app.Platform.PostAsync($"{settings}/test", null, Ct), HttpStatusCode.OK);
        vendor.AnswerJson(200, Account(Application.LegacySignIns.TestLegacySignInHandler.ProbeEmail));
        var acceptsAnyone = await ApiAssert.JsonAsync(await app.Platform.PostAsync($"{settings}/test", null, Ct), HttpStatusCode.OK);

        Assert.False(read.TryGetProperty("secret", out _));
        Assert.Equal((vendor.Url("/legacy"), true), (read.Str("url"), read.GetProperty("enabled").GetBoolean()));
        Assert.False(changed.TryGetProperty("secret", out _));
        Assert.False(changed.GetProperty("enabled").GetBoolean());
        Assert.StartsWith("whsec_", rotated.Str("secret"), StringComparison.Ordinal);
        Assert.NotEqual(secret, rotated.Str("secret"));
        Assert.Equal((true, 404), (test.GetProperty("ok").GetBoolean(), test.GetProperty("statusCode").GetInt32()));
        Assert.False(acceptsAnyone.GetProperty("ok").GetBoolean());
        Assert.True(StandardWebhooks.Verify(rotated.Str("secret"), vendor.Received[0]));
        Assert.Equal("/v2", vendor.Received[0].Path);

        var disabled = await SignInAsync(setup, "someone@vendor.example", Password);
        Assert.Equal(BadCredentials, disabled.TextOf("error"));
        Assert.Equal(2, vendor.Received.Count);

        Assert.Equal(HttpStatusCode.NoContent, (await app.Platform.DeleteAsync(settings, Ct)).StatusCode);
        await ApiAssert.ProblemAsync(await app.Platform.GetAsync(settings, Ct), HttpStatusCode.NotFound);
        var audit = await app.Platform.GetStringAsync($"/api/v1/tenants/{setup.Slug}/audit?pageSize=100", Ct);
        foreach (var action in new[] { "legacy_sign_in.configured", "legacy_sign_in.secret_rotated", "legacy_sign_in.tested", "legacy_sign_in.removed" })
            Assert.Contains(action, audit, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, audit, StringComparison.Ordinal);
    }

    /// <summary>The app with loopback calls allowed (the vendor's server is on 127.0.0.1) and a one-second time limit.</summary>
    public sealed class LegacyVendorApp : ApiFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Webhooks:AllowLoopback"] = "true",
            ["LegacySignIn:Timeout"] = "00:00:01",
        };
    }
}
