using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AlexaLinkHub.Web.BrowserTests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlexaLinkHub.Web.BrowserTests;

/// <summary>The authorization code grant on a phone as Alexa runs it: the Alexa app opens the authorization URI with
/// <c>response_type=code</c> (and a PKCE challenge), the user signs in and allows, the browser lands on Amazon's
/// code-grant redirect URL with <c>?code=…&amp;state=…</c>, and Amazon's backend exchanges the code at the token URI.</summary>
public sealed class CodeGrantLinkTests(LinkHub hub, Chromium chromium)
{
    /// <summary>Alexa's redirect URL for the code grant (on the host the phone page intercepts).</summary>
    private const string CodeRedirectUrl = BrowserLinkSetup.AmazonOrigin + "/api/skill/link/M2AAAAAAAAAAAA";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Link_CodeGrantOnAPhone_LandsAtAmazonWithACodeThatExchangesForWorkingTokens()
    {
        var link = await ArrangeCodeSkillAsync(await hub.ArrangeAsync());
        await using var phone = await chromium.OpenPhoneAsync();
        await phone.InterceptAmazonAsync();
        var page = phone.Page;
        var state = BrowserLinkSetup.NewState();
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));

        await page.GotoAsync(QueryHelpers.AddQueryString(link.AuthorizationUri, new Dictionary<string, string?>
        {
            ["state"] = state,
            ["client_id"] = link.ClientId,
            ["scope"] = string.Join(' ', link.Scopes.Select(s => s.Name)),
            ["response_type"] = "code",
            ["redirect_uri"] = CodeRedirectUrl,
            ["code_challenge"] = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))),
            ["code_challenge_method"] = "S256",
        }));
        await LinkFlowTests.SignInAsync(page, link);
        await Expect(page.GetByText($"This allows {link.SkillName} to {link.Scopes[0].Description}")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        Assert.True(await phone.ReachesAsync(url => url.StartsWith(CodeRedirectUrl + "?", StringComparison.Ordinal)), await phone.DescribeAsync());

        // RFC 6749 §4.1.2: the code and state in the query (Amazon's server sees them), nothing in a fragment.
        var landed = new Uri(page.Url);
        Assert.Equal(CodeRedirectUrl, landed.GetLeftPart(UriPartial.Path));
        Assert.Equal(string.Empty, landed.Fragment);
        Assert.Equal(page.Url, phone.AmazonRequests[0]);
        var query = QueryHelpers.ParseQuery(landed.Query);
        Assert.Equal(state, query["state"].ToString());
        var code = query["code"].ToString();
        Assert.Matches("^[A-Za-z0-9_-]{43}$", code);
        await Expect(page.GetByText("Account linking status")).ToBeVisibleAsync();

        var tokens = await ExchangeAsync(link, code, verifier);
        var accessToken = tokens.GetProperty("access_token").GetString()!;
        Assert.False(string.IsNullOrEmpty(tokens.GetProperty("refresh_token").GetString()));
        Assert.Equal("Bearer", tokens.GetProperty("token_type").GetString());
        Assert.InRange(tokens.GetProperty("expires_in").GetInt32(), 3599, 3600);
        var introspection = await hub.IntrospectAsync(link, accessToken);
        Assert.True(introspection.GetProperty("active").GetBoolean(), introspection.ToString());
        Assert.Equal(link.ClientId, introspection.GetProperty("client_id").GetString());
        Assert.Equal(link.UserId.ToString(), introspection.GetProperty("sub").GetString());

        Assert.Empty(phone.CspViolations);
        Assert.Empty(phone.PageErrors);
        Assert.Empty(phone.Dialogs);
    }

    /// <summary>A code-grant skill in the arranged tenant (default lifetimes), in place of its implicit one.</summary>
    private async Task<BrowserLinkSetup> ArrangeCodeSkillAsync(BrowserLinkSetup link)
    {
        var response = await hub.Platform.PostAsJsonAsync($"/api/v1/tenants/{link.Slug}/skills", new
        {
            name = link.SkillName,
            clientId = $"code-{Guid.NewGuid():N}",
            grantType = "authorization_code",
            scopes = link.Scopes.Select(s => new { name = s.Name, description = s.Description }).ToArray(),
            domains = new[] { "cdn.carfu.example" },
            redirectUrls = new[] { CodeRedirectUrl },
        }, Ct);
        var skill = await ReadAsync(response, HttpStatusCode.Created);
        Assert.Equal(new Uri(link.BaseUrl, $"t/{link.Slug}/connect/token").ToString(), skill.GetProperty("tokenUri").GetString());
        return link with
        {
            ClientId = skill.GetProperty("clientId").GetString()!,
            ClientSecret = skill.GetProperty("clientSecret").GetString()!,
        };
    }

    /// <summary>What Amazon's backend does with the code: POST to the token URI, HTTP Basic, over the socket.</summary>
    private async Task<JsonElement> ExchangeAsync(BrowserLinkSetup link, string code, string verifier)
    {
        using var http = hub.App.CreateHttpClient(apiKey: null);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"t/{link.Slug}/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = CodeRedirectUrl,
                ["code_verifier"] = verifier,
            }),
        };
        var credentials = $"{Uri.EscapeDataString(link.ClientId)}:{Uri.EscapeDataString(link.ClientSecret)}";
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        var response = await http.SendAsync(request, Ct);
        Assert.True(response.Headers.CacheControl?.NoStore, "The token response must not be cached.");
        return await ReadAsync(response, HttpStatusCode.OK);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.RequestUri} → {(int)response.StatusCode}, expected {(int)status}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
