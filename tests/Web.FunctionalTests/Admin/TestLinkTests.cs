using System.Net;
using System.Text.Json;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Infrastructure.Jobs;
using AlexaLinkHub.Web.FunctionalTests.Admin.Support;
using AlexaLinkHub.Web.FunctionalTests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlexaLinkHub.Web.FunctionalTests.Admin;

/// <summary>"Test this skill" over HTTP (docs/decisions/021): the console's redirect URI is accepted only for a request the
/// console started, never registrable, bound to the admin who started it; the test link is marked, left out of the
/// statistics and the webhooks, and ended after 15 minutes on the fake clock. The landing page's real-endpoint calls are
/// covered by the browser journey (TestThisSkillBrowserTests), which runs on a socket.</summary>
public sealed class TestLinkTests(TestLinkTests.ClockFixture app) : IClassFixture<TestLinkTests.ClockFixture>
{
    public sealed class ClockFixture : AdminFixture
    {
        protected override FakeTimeProvider? CreateClock() => new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string TestRedirectUri(string slug) => $"{ApiFixture.PublicBaseUrl}/admin/t/{slug}/test-link";

    [Fact]
    public async Task TestLink_IsMarked_Uncounted_Silent_AndEndsAfterFifteenMinutes()
    {
        var (vendor, slug, _) = await app.VendorAsync("tester");
        using var _ = vendor;
        var (clientId, secret) = await EndUserLinking.RegisterSkillAsync(app, slug);
        var email = $"jo@{slug}.example";
        var userId = await EndUserLinking.CreateUserAsync(app, slug, email);
        var before = await app.ApiGetAsync($"/api/v1/tenants/{slug}/dashboard");
        var skillPage = $"/admin/t/{slug}/skills/{clientId}";

        var shown = await vendor.GetAsync(skillPage);
        var started = await vendor.PostFormAsync($"{skillPage}?handler=Test", []);

        Assert.Contains("Test this skill", shown.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        var authorize = new Uri(started.Location!);
        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal($"{ApiFixture.PublicBaseUrl}/t/{slug}/connect/authorize", authorize.GetLeftPart(UriPartial.Path));
        Assert.Equal("token", query["response_type"]);
        Assert.Equal(clientId, query["client_id"]);
        Assert.Equal(TestRedirectUri(slug), query["redirect_uri"]);
        Assert.Equal("taxi.order profile", query["scope"]);
        var state = query["state"].ToString();

        var (location, fragment) = await EndUserLinking.LinkAtAsync(app, authorize.PathAndQuery, email);

        Assert.StartsWith(TestRedirectUri(slug) + "#", location, StringComparison.Ordinal);
        Assert.Equal(state, fragment["state"]);
        Assert.Equal("Bearer", fragment["token_type"]);
        var token = fragment["access_token"];
        Assert.True(await EndUserLinking.IsActiveAsync(app, slug, clientId, secret, token));
        var link = Assert.Single((await app.ApiGetAsync($"/api/v1/tenants/{slug}/users/{userId}/links")).EnumerateArray());
        Assert.True(link.GetProperty("test").GetBoolean());
        var after = await app.ApiGetAsync($"/api/v1/tenants/{slug}/dashboard");
        foreach (var number in (string[])["linkedAccounts", "liveLinks", "activeTokens"])
            Assert.Equal(before.GetProperty(number).GetInt32(), after.GetProperty(number).GetInt32());
        Assert.Equal(0, after.GetProperty("days").EnumerateArray().Sum(d => d.GetProperty("links").GetInt32()));
        var audit = await app.ApiGetAsync($"/api/v1/tenants/{slug}/audit?action=skill.test_link");
        Assert.Contains(LinkIdOf(link), audit.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => Task.FromResult(db.WebhookDeliveries.Count())));

        // 14 minutes: still live; past 15, the job ends it and its token at once.
        app.Clock!.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(0, await EndTestLinksAsync());
        Assert.True(await EndUserLinking.IsActiveAsync(app, slug, clientId, secret, token));
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await EndTestLinksAsync());

        Assert.False(await EndUserLinking.IsActiveAsync(app, slug, clientId, secret, token));
        var ended = Assert.Single((await app.ApiGetAsync($"/api/v1/tenants/{slug}/users/{userId}/links")).EnumerateArray());
        Assert.Equal("test_expired", ended.GetProperty("revokedReason").GetString());
    }

    [Fact]
    public async Task TestRedirectUri_IsRefusedForAnOrdinaryRequest_AndCannotBeRegistered()
    {
        var (vendor, slug, _) = await app.VendorAsync("refuse");
        using var _ = vendor;
        var (clientId, _) = await EndUserLinking.RegisterSkillAsync(app, slug);
        using var anonymous = app.NewBrowser();

        var ordinary = await anonymous.GetAsync(
            $"/t/{slug}/connect/authorize?response_type=token&client_id={clientId}&state=xyz&redirect_uri={Uri.EscapeDataString(TestRedirectUri(slug))}");
        using var registration = await app.Platform.PostAsync($"/api/v1/tenants/{slug}/skills", JsonContent(SkillBodies.NewClientId(), TestRedirectUri("any")), Ct);
        var refused = await ApiAssert.ProblemAsync(registration, HttpStatusCode.BadRequest);

        Assert.Equal(HttpStatusCode.BadRequest, ordinary.Status);
        Assert.Null(ordinary.Location);
        Assert.Contains("redirectUrls[0] is the console's test address; a skill cannot register it.", refused.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStrangersState_IsRefusedAndShowsNothing_AndAViewerCannotStartATest()
    {
        var (vendor, slug, _) = await app.VendorAsync("owner");
        using var _ = vendor;
        var (clientId, _) = await EndUserLinking.RegisterSkillAsync(app, slug);
        var skillPage = $"/admin/t/{slug}/skills/{clientId}";
        var started = await vendor.PostFormAsync($"{skillPage}?handler=Test", []);
        var state = QueryHelpers.ParseQuery(new Uri(started.Location!).Query)["state"].ToString();
        using var platform = await app.PlatformAdminAsync();

        var stranger = await platform.GetAsync($"/admin/t/{slug}/test-link?state={Uri.EscapeDataString(state)}&code=anything");
        var forged = await vendor.GetAsync($"/admin/t/{slug}/test-link?state=forged&code=anything");

        Assert.Equal(HttpStatusCode.Forbidden, stranger.Status);
        Assert.DoesNotContain("anything", stranger.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forged.Status);

        var viewerEmail = $"viewer@{slug}.example";
        await vendor.PostFormAsync($"/admin/t/{slug}/team", AdminBrowser.Fields(("Email", viewerEmail), ("Role", "viewer")));
        using var viewer = await AcceptInvitationAsync(viewerEmail);
        var page = await viewer.GetAsync(skillPage);
        var post = await viewer.PostAsync($"{skillPage}?handler=Test", [new("__RequestVerificationToken", page.AntiforgeryToken())]);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain("Test this skill", page.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, post.Status);
    }

    private static string LinkIdOf(JsonElement link) => link.GetProperty("id").GetGuid().ToString();

    private static StringContent JsonContent(string clientId, string redirectUrl) =>
        new(JsonSerializer.Serialize(new
        {
            name = "Console address",
            clientId,
            grantType = "implicit",
            scopes = new[] { new { name = "profile", description = "read your profile" } },
            redirectUrls = new[] { redirectUrl },
        }), System.Text.Encoding.UTF8, "application/json");

    private async Task<int> EndTestLinksAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MaintenanceJobs>().EndTestLinksAsync(Ct);
    }

    private async Task<AdminBrowser> AcceptInvitationAsync(string email)
    {
        var mail = await app.QueryAsync(db => Task.FromResult(db.Set<Domain.Emails.OutboundEmail>().Single(e => e.To == email)));
        var link = System.Text.RegularExpressions.Regex.Match(mail.TextBody, @"https://alh\.test(/admin/invitation\?token=\S+)").Groups[1].Value;
        var browser = app.NewBrowser();
        var form = await browser.GetAsync(link);
        await browser.PostAsync(link, AdminBrowser.Fields(("token", form.ValueOfId("token-field")), ("Password", "viewer passphrase"), ("__RequestVerificationToken", form.AntiforgeryToken())));
        return browser;
    }
}
