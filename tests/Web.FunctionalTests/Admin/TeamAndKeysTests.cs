using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using AlexaLinkHub.Domain.Emails;
using AlexaLinkHub.Web.FunctionalTests.Admin.Support;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Web.FunctionalTests.Admin;

/// <summary>Invitations (an admin of several tenants) and API keys.</summary>
public sealed class TeamAndKeysTests(AdminFixture app) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task Invite_NewPerson_GetsALinkThatSetsTheirPasswordOnceAndSignsThemIn()
    {
        var (vendor, slug, _) = await app.VendorAsync("team");
        using var _ = vendor;
        var email = $"colleague@{slug}.example";

        var invited = await vendor.PostFormAsync($"/admin/t/{slug}/team", AdminBrowser.Fields(("Email", email)));
        var link = await InvitationLinkAsync(email);
        using var colleague = app.NewBrowser();
        var form = await colleague.GetAsync(link);
        var accepted = await colleague.PostAsync(link, AdminBrowser.Fields(("token", form.ValueOfId("token-field")), ("Password", "colleague passphrase"), ("__RequestVerificationToken", form.AntiforgeryToken())));
        var home = await colleague.GetAsync("/admin");
        using var reuse = app.NewBrowser();
        var again = await reuse.GetAsync(link);

        Assert.Contains($"Invitation sent to {email}.", invited.Text, StringComparison.Ordinal);
        Assert.Contains("invited", invited.Text, StringComparison.Ordinal);
        Assert.Contains($"You were invited as {email}", form.Text, StringComparison.Ordinal);
        Assert.Equal("/admin", accepted.Location);
        Assert.Equal($"/admin/t/{slug}", home.Location);
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal("This invitation link does not work", again.H1);
    }

    [Fact]
    public async Task Invite_AnExistingAdmin_GivesThemTheTenantTooSoTheyChooseBetweenTwo()
    {
        var (first, firstSlug, _) = await app.VendorAsync("first");
        var (second, secondSlug, secondEmail) = await app.VendorAsync("second");
        using var _ = first;
        using var __ = second;

        var invited = await first.PostFormAsync($"/admin/t/{firstSlug}/team", AdminBrowser.Fields(("Email", secondEmail)));
        var home = await second.GetAsync("/admin");

        Assert.Contains("already has an admin account and can now administer this tenant too", invited.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains($"href=\"/admin/t/{firstSlug}\"", home.Html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/t/{secondSlug}\"", home.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync($"/admin/t/{firstSlug}/skills")).Status);
    }

    [Fact]
    public async Task Invite_InvalidEmail_IsRefusedInline()
    {
        var (vendor, slug, _) = await app.VendorAsync("team");
        using var _ = vendor;

        var page = await vendor.PostFormAsync($"/admin/t/{slug}/team", AdminBrowser.Fields(("Email", "not an email")));

        Assert.Equal("Enter an email address like name@example.com.", page.TextOfId("email-error"));
    }

    [Fact]
    public async Task ApiKey_CreatedInThePage_IsShownOnceWorksForThisTenantOnlyAndRevokeStopsIt()
    {
        var (vendor, slug, _) = await app.VendorAsync("keys");
        var (other, otherSlug, _) = await app.VendorAsync("keys");
        other.Dispose();
        using var _ = vendor;
        var keysPage = $"/admin/t/{slug}/api-keys";

        var created = await vendor.PostFormAsync($"{keysPage}?handler=Create", AdminBrowser.Fields(("Name", "CI deploy")));
        var key = created.ValueOfId("new-key");
        var later = await vendor.GetAsync(keysPage);

        Assert.StartsWith("alh_", key, StringComparison.Ordinal);
        Assert.DoesNotContain(key, later.Html, StringComparison.Ordinal);
        Assert.Contains("CI deploy", later.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await ApiStatusAsync(key, $"/api/v1/tenants/{slug}/skills"));
        Assert.Equal(HttpStatusCode.NotFound, await ApiStatusAsync(key, $"/api/v1/tenants/{otherSlug}/skills"));

        var keyId = Assert.Single(later.Dom.InputValues("id"));
        var revoked = await vendor.PostFormAsync($"{keysPage}?handler=Revoke", AdminBrowser.Fields(("id", keyId)));

        Assert.Contains("API key revoked", revoked.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, await ApiStatusAsync(key, $"/api/v1/tenants/{slug}/skills"));
    }

    private async Task<string> InvitationLinkAsync(string email)
    {
        var mail = await app.QueryAsync(db => db.Set<OutboundEmail>().SingleAsync(e => e.To == email, TestContext.Current.CancellationToken));
        var url = Regex.Match(mail.TextBody, @"https://alh\.test(/admin/invitation\?token=\S+)").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(url), mail.TextBody);
        return url;
    }

    private async Task<HttpStatusCode> ApiStatusAsync(string key, string url)
    {
        using var client = app.Factory.CreateApiClient(apiKey: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
