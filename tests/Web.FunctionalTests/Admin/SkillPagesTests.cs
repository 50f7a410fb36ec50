using System.Net;
using AlexaLinkHub.Web.FunctionalTests.Admin.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Admin;

/// <summary>Registering and managing a skill through the admin pages: the limits enforced inline, the Alexa redirect
/// URL helper, the console panel, and a client secret that is shown exactly once.</summary>
public sealed class SkillPagesTests(AdminFixture app) : IClassFixture<AdminFixture>
{
    private const string AlexaRedirect = "https://pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA";

    [Fact]
    public async Task NewSkill_SixteenScopes_IsRefusedInlineNamingTheLimitAndKeepsWhatWasTyped()
    {
        var (vendor, slug, _) = await app.VendorAsync();
        using var _ = vendor;
        var fields = SkillForm("Sixteen", AlexaRedirect).ToList();
        for (var i = 0; i < 16; i++)
        {
            fields.Add(new($"Input.Scopes[{i}].Name", $"scope.{i}"));
            fields.Add(new($"Input.Scopes[{i}].Description", $"do thing {i}"));
        }

        var page = await vendor.PostFormAsync($"/admin/t/{slug}/new-skill", fields);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("A skill can have at most 15 scopes (Alexa's limit); 16 were given.", page.TextOfId("scopes-error"));
        Assert.Contains("Up to 15 scopes (Alexa's limit).", page.TextOfId("scopes-hint"), StringComparison.Ordinal);
        Assert.Equal("scope.15", page.ValueOfId("scope-15-name"));
        Assert.Equal("Sixteen", page.ValueOfId("name"));
        var skills = await app.ApiGetAsync($"/api/v1/tenants/{slug}/skills");
        Assert.Equal(0, skills.GetArrayLength());
    }

    [Fact]
    public async Task NewSkillForm_OffersRowsUpToTheScopeLimitOnly()
    {
        var (vendor, slug, _) = await app.VendorAsync();
        using var _ = vendor;

        var first = await vendor.GetAsync($"/admin/t/{slug}/new-skill");
        var more = await vendor.PostFormAsync($"/admin/t/{slug}/new-skill?handler=MoreScopes", [new("Input.ScopeRows", "14")]);

        Assert.True(first.HasId("scope-2-name"));
        Assert.False(first.HasId("scope-3-name"));
        Assert.True(more.HasId("scope-14-name"));
        Assert.False(more.HasId("scope-15-name"));
        Assert.DoesNotContain("More scope rows", more.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlexaHelper_VendorId_FillsInTheRegionalRedirectUrlsInBothFormsWithoutSaving()
    {
        var (vendor, slug, _) = await app.VendorAsync();
        using var _ = vendor;
        var fields = SkillForm("Helper", "https://example.com/mine").Append(new("Input.VendorId", "M2VENDOR1234"));

        var page = await vendor.PostFormAsync($"/admin/t/{slug}/new-skill?handler=AlexaUrls", fields);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(
            [
                "https://example.com/mine",
                "https://pitangui.amazon.com/api/skill/link/M2VENDOR1234",
                "https://layla.amazon.com/api/skill/link/M2VENDOR1234",
                "https://alexa.amazon.co.jp/api/skill/link/M2VENDOR1234",
                "https://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorId=M2VENDOR1234",
                "https://layla.amazon.com/spa/skill/account-linking-status.html?vendorId=M2VENDOR1234",
                "https://alexa.amazon.co.jp/spa/skill/account-linking-status.html?vendorId=M2VENDOR1234",
            ],
            page.ValueOfId("redirect-urls").Split('\n'));
        Assert.Equal("Helper", page.ValueOfId("name"));
        // "Register skill" saves: the form does not post back to the helper's handler.
        Assert.Contains($"<form method=\"post\" action=\"/admin/t/{slug}/new-skill\"", page.Html, StringComparison.Ordinal);
        Assert.Equal(0, (await app.ApiGetAsync($"/api/v1/tenants/{slug}/skills")).GetArrayLength());
    }

    [Fact]
    public async Task AlexaHelper_MalformedVendorId_IsRefusedInline()
    {
        var (vendor, slug, _) = await app.VendorAsync();
        using var _ = vendor;

        var page = await vendor.PostFormAsync($"/admin/t/{slug}/new-skill?handler=AlexaUrls", SkillForm("Helper", "").Append(new("Input.VendorId", "not a vendor id")));

        Assert.Equal("Enter your Vendor ID from the Alexa developer console: letters and digits, like M2AAAAAAAAAAAA.", page.TextOfId("vendor-id-error"));
        Assert.Equal(string.Empty, page.ValueOfId("redirect-urls"));
    }

    [Fact]
    public async Task NewSkill_Registered_ShowsTheConsolePanelAndTheSecretOnceOnly()
    {
        var (vendor, slug, _) = await app.VendorAsync();
        using var _ = vendor;
        var fields = SkillForm("Car Fu", AlexaRedirect).Concat(AdminBrowser.Fields(
            ("Input.ClientId", $"carfu-{slug}"), ("Input.GrantType", "authorization_code"),
            ("Input.Scopes[0].Name", "taxi.order"), ("Input.Scopes[0].Description", "order a taxi on your behalf"),
            ("Input.Domains", "cdn.carfu.example\nfonts.carfu.example")));

        var created = await vendor.PostFormAsync($"/admin/t/{slug}/new-skill", fields);
        var later = await vendor.GetAsync($"/admin/t/{slug}/skills/carfu-{slug}");

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal($"https://alh.test/t/{slug}/connect/authorize", created.ValueOfId("console-authorization-uri"));
        Assert.Equal($"https://alh.test/t/{slug}/connect/token", created.ValueOfId("console-token-uri"));
        Assert.Equal($"carfu-{slug}", created.ValueOfId("console-client-id"));
        Assert.Equal("HTTP Basic (Recommended)", created.ValueOfId("console-auth-scheme"));
        Assert.Equal("taxi.order", created.ValueOfId("console-scope-0"));
        Assert.Equal(["cdn.carfu.example", "fonts.carfu.example"], [created.ValueOfId("console-domain-0"), created.ValueOfId("console-domain-1")]);
        var secret = created.ValueOfId("console-client-secret");
        Assert.True(secret.Length >= 40, secret);
        Assert.Contains("no-store", created.Headers.CacheControl?.ToString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, later.Status);
        Assert.Equal($"https://alh.test/t/{slug}/connect/authorize", later.ValueOfId("console-authorization-uri"));
        Assert.DoesNotContain(secret, later.Html, StringComparison.Ordinal);
        Assert.Contains("Shown only when it is created.", later.TextOfId("console-client-secret"), StringComparison.Ordinal);
        // The secret shown is the skill's: introspection authenticates the skill with it.
        Assert.True(await SecretWorksAsync(slug, $"carfu-{slug}", secret));
        Assert.False(await SecretWorksAsync(slug, $"carfu-{slug}", "wrong-secret"));
    }

    [Fact]
    public async Task RotateSecret_ShowsTheNewSecretOnceAndBothWorkDuringTheOverlap()
    {
        var (vendor, slug, _) = await app.VendorAsync();
        using var _ = vendor;
        var (clientId, oldSecret) = await EndUserLinking.RegisterSkillAsync(app, slug);
        var skillPage = $"/admin/t/{slug}/skills/{clientId}";

        var rotated = await vendor.PostFormAsync($"{skillPage}?handler=Rotate", [], skillPage);
        var newSecret = rotated.ValueOfId("console-client-secret");
        var later = await vendor.GetAsync(skillPage);

        Assert.NotEqual(oldSecret, newSecret);
        Assert.StartsWith("New client secret issued. The previous one works until", rotated.Texts("p").First(t => t.StartsWith("New client secret", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain(newSecret, later.Html, StringComparison.Ordinal);
        Assert.Contains("Stop accepting the previous secret now", later.Html, StringComparison.Ordinal);
        Assert.True(await SecretWorksAsync(slug, clientId, newSecret));
        Assert.True(await SecretWorksAsync(slug, clientId, oldSecret));

        await vendor.PostFormAsync($"{skillPage}?handler=EndOverlap", [], skillPage);
        Assert.False(await SecretWorksAsync(slug, clientId, oldSecret));
        Assert.True(await SecretWorksAsync(slug, clientId, newSecret));
    }

    [Fact]
    public async Task EditSkill_ChangesAreSavedThroughTheSameRules()
    {
        var (vendor, slug, _) = await app.VendorAsync();
        using var _ = vendor;
        var (clientId, _) = await EndUserLinking.RegisterSkillAsync(app, slug);
        var edit = $"/admin/t/{slug}/skills/{clientId}/edit";
        var form = await vendor.GetAsync(edit);
        Assert.Equal("Car Fu", form.ValueOfId("name"));
        Assert.Equal("taxi.order", form.ValueOfId("scope-0-name"));

        var invalid = await vendor.PostFormAsync(edit, SkillForm("Car Fu 2", "http://insecure.example/cb"));
        var saved = await vendor.PostFormAsync(edit, SkillForm("Car Fu 2", AlexaRedirect));

        Assert.Equal(HttpStatusCode.OK, invalid.Status);
        Assert.Equal("redirectUrls[0] must use https.", invalid.TextOfId("redirect-urls-error"));
        Assert.Equal($"/admin/t/{slug}/skills/{clientId}", saved.Location);
        var skill = await app.ApiGetAsync($"/api/v1/tenants/{slug}/skills/{clientId}");
        Assert.Equal("Car Fu 2", skill.GetProperty("name").GetString());
        Assert.Equal(0, skill.GetProperty("scopes").GetArrayLength());
    }

    [Fact]
    public async Task DisableSkill_MakesItDisabledAndEnableRestoresIt()
    {
        var (vendor, slug, _) = await app.VendorAsync();
        using var _ = vendor;
        var (clientId, _) = await EndUserLinking.RegisterSkillAsync(app, slug);
        var skillPage = $"/admin/t/{slug}/skills/{clientId}";

        var disabled = await vendor.PostFormAsync($"{skillPage}?handler=Disable", [], skillPage);
        var afterDisable = (await app.ApiGetAsync($"/api/v1/tenants/{slug}/skills/{clientId}")).GetProperty("enabled").GetBoolean();
        await vendor.PostFormAsync($"{skillPage}?handler=Enable", [], skillPage);

        Assert.Contains("Skill disabled.", disabled.Text, StringComparison.Ordinal);
        Assert.False(afterDisable);
        Assert.True((await app.ApiGetAsync($"/api/v1/tenants/{slug}/skills/{clientId}")).GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task RevokeAllTokensOfASkill_OnlyWithTheClientIdTyped_EndsEveryLink()
    {
        var (vendor, slug, _) = await app.VendorAsync();
        using var _ = vendor;
        var (clientId, secret) = await EndUserLinking.RegisterSkillAsync(app, slug);
        await EndUserLinking.CreateUserAsync(app, slug, "jo@example.com");
        await EndUserLinking.CreateUserAsync(app, slug, "ann@example.com");
        var jo = await EndUserLinking.LinkAsync(app, slug, clientId, "jo@example.com");
        var ann = await EndUserLinking.LinkAsync(app, slug, clientId, "ann@example.com");
        var skillPage = $"/admin/t/{slug}/skills/{clientId}";

        var refused = await vendor.PostFormAsync($"{skillPage}?handler=RevokeAll", AdminBrowser.Fields(("Confirmation", "yes")));
        var stillActive = await EndUserLinking.IsActiveAsync(app, slug, clientId, secret, jo);
        var revoked = await vendor.PostFormAsync($"{skillPage}?handler=RevokeAll", AdminBrowser.Fields(("Confirmation", clientId)));

        Assert.Equal($"Type the client ID ({clientId}) to confirm. Nothing was revoked.", refused.TextOfId("confirmation-error"));
        Assert.True(stillActive);
        Assert.Contains("Revoked 2 linked accounts and their tokens.", revoked.Text, StringComparison.Ordinal);
        Assert.False(await EndUserLinking.IsActiveAsync(app, slug, clientId, secret, jo));
        Assert.False(await EndUserLinking.IsActiveAsync(app, slug, clientId, secret, ann));
    }

    private static IEnumerable<KeyValuePair<string, string>> SkillForm(string name, string redirectUrls) =>
        AdminBrowser.Fields(("Input.Name", name), ("Input.GrantType", "authorization_code"), ("Input.RedirectUrls", redirectUrls));

    /// <summary>Whether introspection (RFC 7662) accepts the skill's credentials: an unknown token is then simply
    /// inactive; bad credentials are an error.</summary>
    private async Task<bool> SecretWorksAsync(string slug, string clientId, string secret)
    {
        using var client = app.Factory.CreateApiClient(apiKey: null);
        using var response = await client.PostAsync($"/t/{slug}/connect/introspect", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = "not-a-real-token",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }), TestContext.Current.CancellationToken);
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.False(body.GetProperty("active").GetBoolean());
            return true;
        }
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
        return false;
    }
}
