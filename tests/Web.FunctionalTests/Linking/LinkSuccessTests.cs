using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using AlexaLinkHub.Infrastructure.OAuth;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Linking;

/// <summary>A successful link exactly as the Alexa app sees it (the reference's "Authorization URI requirements"): a 302
/// to the registered redirect URI, its <c>?vendorId=</c> query kept, with <c>state</c>, <c>access_token</c> and
/// <c>token_type=Bearer</c> in the fragment.</summary>
public sealed class LinkSuccessTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Pitangui = "https://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Link_AllowOnConsent_Redirects302ToExactlyTheRegisteredUriWithTheTokenInTheFragment()
    {
        // A stopped clock: expires_in is computed when the response is written, so a running clock may say 7199.
        await using var factory = await AlexaLinkHubFactory.CreateAsync(clock: new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)));
        using var platform = factory.CreateApiClient();
        var setup = await platform.ArrangeLinkAsync();
        using var browser = LinkFlowClient.Create(factory);

        var response = await browser.LinkAsync(setup.AuthorizeUrl("xyz"), setup.User.Email, setup.User.Password);

        var redirect = LinkAssert.FragmentRedirect(response, Pitangui);
        var token = redirect["access_token"];
        Assert.Equal($"{Pitangui}#access_token={token}&token_type=Bearer&expires_in=7200&state=xyz&iss=http%3A%2F%2Flocalhost%2Ft%2F{setup.Slug}", LinkAssert.RedirectLocation(response));
        Assert.Equal("xyz", redirect["state"]);
        Assert.Equal("Bearer", redirect["token_type"]);
        Assert.Equal(setup.Skill.AccessTokenLifetimeSeconds.ToString(CultureInfo.InvariantCulture), redirect["expires_in"]);
        // The granted scopes are the requested ones, so RFC 6749 §4.2.2 lets the server leave "scope" out.
        Assert.Equal(["access_token", "expires_in", "iss", "state", "token_type"], redirect.Parameters.Keys.Order(StringComparer.Ordinal));
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
    }

    [Fact]
    public async Task Link_SkillWithTheDefaultLifetime_ExpiresInTenYears()
    {
        var setup = await api.Platform.ArrangeLinkAsync(new SkillSpec { AccessTokenLifetimeSeconds = null });
        using var browser = LinkFlowClient.Create(api.Factory);

        var response = await browser.LinkAsync(setup.AuthorizeUrl(), setup.User.Email, setup.User.Password);

        // Implicit tokens cannot be refreshed: the default lifetime is long (3650 days), within a second of the response.
        var expiresIn = long.Parse(LinkAssert.FragmentRedirect(response, setup.Skill.RedirectUri)["expires_in"], CultureInfo.InvariantCulture);
        Assert.InRange(expiresIn, (3650L * 86400) - 1, 3650L * 86400);
    }

    [Fact]
    public async Task Link_EveryHop_IsA302GetNeverA307()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        using var browser = LinkFlowClient.Create(api.Factory);

        var start = await browser.GetPageAsync(setup.AuthorizeUrl());
        var login = await browser.FollowAsync(start);
        var signedIn = await browser.SignInAsync(login, setup.User.Email, setup.User.Password);
        var consent = await browser.FollowAsync(signedIn);
        var final = await browser.DecideAsync(consent, "allow");

        Assert.Equal(HttpStatusCode.Found, start.StatusCode);
        Assert.Equal($"/t/{setup.Slug}/login", start.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
        Assert.Equal($"/t/{setup.Slug}/connect/authorize", signedIn.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        Assert.Equal(HttpStatusCode.Found, final.StatusCode);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("a&b#c=d+e%f%20g%2")]
    [InlineData("with spaces  and a trailing one ")]
    [InlineData("Zürich 東京 🚕")]
    [InlineData("eyJhbGciOi+/=.KEY==")]
    [InlineData("%M2AAAAAAAAAAAA")]
    public async Task Link_State_RoundTripsByteExact(string state)
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        using var browser = LinkFlowClient.Create(api.Factory);

        var response = await browser.LinkAsync(setup.AuthorizeUrl(state), setup.User.Email, setup.User.Password);

        Assert.Equal(state, LinkAssert.FragmentRedirect(response, setup.Skill.RedirectUri)["state"], StringComparer.Ordinal);
    }

    [Fact]
    public async Task Link_FourKilobyteState_RoundTripsByteExact()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        using var browser = LinkFlowClient.Create(api.Factory);
        // Alexa's states are long opaque strings: 4 KB of base64 characters, with a few that need escaping.
        var state = ("&#=+% " + Convert.ToBase64String(RandomNumberGenerator.GetBytes(3072)))[..4096];

        var response = await browser.LinkAsync(setup.AuthorizeUrl(state), setup.User.Email, setup.User.Password);

        var returned = LinkAssert.FragmentRedirect(response, setup.Skill.RedirectUri)["state"];
        Assert.Equal(4096, returned.Length);
        Assert.Equal(state, returned, StringComparer.Ordinal);
    }

    [Fact]
    public async Task Link_OtherRegisteredRedirectUri_IsUsedAsGiven()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        using var browser = LinkFlowClient.Create(api.Factory);
        var layla = setup.Skill.RedirectUrls[1];

        var response = await browser.LinkAsync(setup.AuthorizeUrl(redirectUri: layla), setup.User.Email, setup.User.Password);

        Assert.Equal("xyz", LinkAssert.FragmentRedirect(response, layla)["state"]);
    }

    [Fact]
    public async Task Link_AccessToken_IsOpaqueLongAndStoredOnlyAsItsHash()
    {
        var setup = await api.Platform.ArrangeLinkAsync();

        var token = await api.Factory.LinkForTokenAsync(setup);

        Assert.DoesNotContain('.', token);
        Assert.True(token.Length >= 43, $"A token of {token.Length} characters carries less than 256 bits.");
        var rows = await api.Factory.WithDbAsync(db => db.Set<OAuthToken>().AsNoTracking().IgnoreQueryFilters().ToListAsync(Ct));
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var stored = string.Join('\n', row.Id, row.ReferenceId, row.Payload, row.Properties, row.Subject, row.Status, row.Type);
            Assert.DoesNotContain(token, stored, StringComparison.Ordinal);
        }
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        Assert.Single(rows, r => r.ReferenceId == hash);
    }

    [Fact]
    public async Task Link_Success_RecordsTheLinkAndAnAccountLinkedEvent()
    {
        var setup = await api.Platform.ArrangeLinkAsync();

        await api.Factory.LinkForTokenAsync(setup);

        var links = await ApiAssert.JsonAsync(await api.Platform.GetAsync($"/api/v1/tenants/{setup.Slug}/users/{setup.User.Id}/links", Ct), HttpStatusCode.OK);
        var link = Assert.Single(links.EnumerateArray());
        Assert.Equal(setup.Skill.ClientId, link.Str("clientId"));
        Assert.Equal(["order_car", "basic_profile"], link.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, link.GetProperty("revokedAt").ValueKind);
        var token = Assert.Single(link.GetProperty("tokens").EnumerateArray());
        Assert.Equal("valid", token.Str("status"));
        var linked = Assert.Single(await LinkAssert.AuditAsync(api.Platform, setup.Slug, "account.linked"));
        Assert.Equal($"user:{setup.User.Id}", linked.Str("target"));
        Assert.Contains($"clientId={setup.Skill.ClientId}", linked.Str("details"), StringComparison.Ordinal);
    }
}
