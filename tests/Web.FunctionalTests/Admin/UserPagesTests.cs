using System.Net;
using AlexaLinkHub.Domain.Emails;
using AlexaLinkHub.Infrastructure.OAuth;
using AlexaLinkHub.Web.FunctionalTests.Admin.Support;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Web.FunctionalTests.Admin;

/// <summary>End users in the admin pages: search, create, disable, password reset, their links and tokens with Revoke
/// buttons, and deletion (erasure).</summary>
public sealed class UserPagesTests(AdminFixture app) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task Users_SearchAndPaging_ListByEmail()
    {
        var (vendor, slug, _) = await app.VendorAsync("users");
        using var _ = vendor;
        for (var i = 1; i <= 26; i++)
            await EndUserLinking.CreateUserAsync(app, slug, $"user{i:00}@example.com", i == 7 ? "Zed Seven" : "Jo Doe");

        var first = await vendor.GetAsync($"/admin/t/{slug}/users");
        var second = await vendor.GetAsync(first.Dom.Document.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href")!);
        var back = await vendor.GetAsync(second.Dom.Document.QuerySelector("nav.pager a[rel=prev]")!.GetAttribute("href")!);
        var search = await vendor.GetAsync($"/admin/t/{slug}/users?search=USER07");

        Assert.Equal(25, UserEmails(first).Count);
        Assert.Equal("user01@example.com", UserEmails(first)[0]);
        Assert.Contains("Page 1", first.Text, StringComparison.Ordinal);
        Assert.Equal(["user26@example.com"], UserEmails(second));
        Assert.Contains("Page 2", second.Text, StringComparison.Ordinal);
        Assert.Null(second.Dom.Document.QuerySelector("nav.pager a[rel=next]"));
        Assert.Equal(UserEmails(first), UserEmails(back));
        Assert.Equal(["user07@example.com"], UserEmails(search));
        Assert.Contains("1 user matching “USER07”", search.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUser_ThroughTheForm_OpensItsPageAndATakenEmailIsRefusedInline()
    {
        var (vendor, slug, _) = await app.VendorAsync("users");
        using var _ = vendor;
        var fields = AdminBrowser.Fields(("Input.Email", "ann@example.com"), ("Input.DisplayName", "Ann"), ("Input.Password", "correct horse battery"), ("Input.ExternalId", "crm-1"));

        var created = await vendor.PostFormAsync($"/admin/t/{slug}/users/new", fields);
        var detail = await vendor.GetAsync(created.Location!);
        var again = await vendor.PostFormAsync($"/admin/t/{slug}/users/new", fields);

        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        Assert.StartsWith($"/admin/t/{slug}/users/", created.Location, StringComparison.Ordinal);
        Assert.Equal("ann@example.com enabled", detail.H1);
        Assert.Equal("A user with this email already exists.", again.TextOfId("email-error"));
    }

    [Fact]
    public async Task RevokeToken_FromTheUsersPage_MakesIntrospectionInactiveAtOnce()
    {
        var (vendor, slug, _) = await app.VendorAsync("users");
        using var _ = vendor;
        var (clientId, secret) = await EndUserLinking.RegisterSkillAsync(app, slug);
        var userId = await EndUserLinking.CreateUserAsync(app, slug, "jo@example.com");
        var token = await EndUserLinking.LinkAsync(app, slug, clientId, "jo@example.com");
        var userPage = $"/admin/t/{slug}/users/{userId}";

        var detail = await vendor.GetAsync(userPage);
        var tokenId = TokenIds(detail).Single();
        var revoked = await vendor.PostFormAsync($"{userPage}?handler=RevokeToken", AdminBrowser.Fields(("tokenId", tokenId)));

        Assert.Contains("Car Fu", detail.Texts("h3").Single(), StringComparison.Ordinal);
        Assert.Contains("1 live link", detail.Text, StringComparison.Ordinal);
        Assert.Contains("Token revoked, with the link it belongs to.", revoked.Text, StringComparison.Ordinal);
        Assert.Contains("0 live links", revoked.Text, StringComparison.Ordinal);
        Assert.Empty(TokenIds(revoked));
        Assert.False(await EndUserLinking.IsActiveAsync(app, slug, clientId, secret, token));
    }

    [Theory]
    [InlineData("RevokeAll")]
    [InlineData("RevokeSkill")]
    public async Task RevokeButtons_ForTheUserOrOneSkill_RevokeEveryTokenInScope(string handler)
    {
        var (vendor, slug, _) = await app.VendorAsync("users");
        using var _ = vendor;
        var (clientId, secret) = await EndUserLinking.RegisterSkillAsync(app, slug);
        var userId = await EndUserLinking.CreateUserAsync(app, slug, "jo@example.com");
        var first = await EndUserLinking.LinkAsync(app, slug, clientId, "jo@example.com");
        var second = await EndUserLinking.LinkAsync(app, slug, clientId, "jo@example.com");
        var userPage = $"/admin/t/{slug}/users/{userId}";

        var page = await vendor.PostFormAsync($"{userPage}?handler={handler}", AdminBrowser.Fields(("clientId", clientId)));

        Assert.Contains("Revoked 2 links and their tokens.", page.Text, StringComparison.Ordinal);
        Assert.False(await EndUserLinking.IsActiveAsync(app, slug, clientId, secret, first));
        Assert.False(await EndUserLinking.IsActiveAsync(app, slug, clientId, secret, second));
    }

    [Fact]
    public async Task DisableUser_StopsTheirTokensAndEnableRestoresThem()
    {
        var (vendor, slug, _) = await app.VendorAsync("users");
        using var _ = vendor;
        var (clientId, secret) = await EndUserLinking.RegisterSkillAsync(app, slug);
        var userId = await EndUserLinking.CreateUserAsync(app, slug, "jo@example.com");
        var token = await EndUserLinking.LinkAsync(app, slug, clientId, "jo@example.com");
        var userPage = $"/admin/t/{slug}/users/{userId}";

        var disabled = await vendor.PostFormAsync($"{userPage}?handler=Disable", []);
        var whileDisabled = await EndUserLinking.IsActiveAsync(app, slug, clientId, secret, token);
        await vendor.PostFormAsync($"{userPage}?handler=Enable", []);

        Assert.Equal("jo@example.com disabled", disabled.H1);
        Assert.False(whileDisabled);
        Assert.True(await EndUserLinking.IsActiveAsync(app, slug, clientId, secret, token));
    }

    [Fact]
    public async Task PasswordResetButton_QueuesTheResetEmailForTheUser()
    {
        var (vendor, slug, _) = await app.VendorAsync("users");
        using var _ = vendor;
        var userId = await EndUserLinking.CreateUserAsync(app, slug, "reset.me@example.com");

        var page = await vendor.PostFormAsync($"/admin/t/{slug}/users/{userId}?handler=PasswordReset", []);

        Assert.Contains("A password reset link is on its way to reset.me@example.com.", page.Text, StringComparison.Ordinal);
        var mail = await app.QueryAsync(db => db.Set<OutboundEmail>().SingleAsync(e => e.To == "reset.me@example.com", TestContext.Current.CancellationToken));
        Assert.Contains($"https://alh.test/t/{slug}/reset-password?token=", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteUser_AfterConfirming_ErasesPersonalDataRevokesTokensAndKeepsAnAnonymisedTrail()
    {
        var (vendor, slug, _) = await app.VendorAsync("users");
        using var _ = vendor;
        var (clientId, secret) = await EndUserLinking.RegisterSkillAsync(app, slug);
        var userId = await EndUserLinking.CreateUserAsync(app, slug, "erase.me@example.com", "Erin Erasable", externalId: "crm-4711");
        var token = await EndUserLinking.LinkAsync(app, slug, clientId, "erase.me@example.com");
        var deletePage = $"/admin/t/{slug}/users/{userId}/delete";

        var confirm = await vendor.GetAsync(deletePage);
        var deleted = await vendor.PostFormAsync(deletePage, []);
        var list = await vendor.GetAsync(deleted.Location!);

        Assert.Equal("Delete erase.me@example.com?", confirm.H1);
        Assert.Equal($"/admin/t/{slug}/users?deleted=true", deleted.Location);
        Assert.Contains("The user was deleted", list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("erase.me@example.com", list.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await vendor.GetAsync($"/admin/t/{slug}/users/{userId}")).Status);
        Assert.False(await EndUserLinking.IsActiveAsync(app, slug, clientId, secret, token));

        string[] personal = ["erase.me@example.com", "ERASE.ME@EXAMPLE.COM", "Erin Erasable", "crm-4711"];
        var user = await app.QueryAsync(db => db.EndUsers.IgnoreQueryFilters().SingleAsync(u => u.Id == userId, TestContext.Current.CancellationToken));
        Assert.DoesNotContain(personal, p => $"{user.Email}|{user.NormalizedEmail}|{user.DisplayName}|{user.ExternalId}".Contains(p, StringComparison.OrdinalIgnoreCase));
        Assert.False(user.Enabled);
        Assert.NotNull(user.ErasedAt);
        // The tokens' stored payloads named the user: they are gone, not just revoked.
        var tokens = await app.QueryAsync(db => db.Set<OAuthToken>().CountAsync(t => t.Subject == userId.ToString(), TestContext.Current.CancellationToken));
        Assert.Equal(0, tokens);
        var trail = await app.QueryAsync(db => db.AuditEvents.Where(e => e.Target == $"user:{userId}" || e.Actor == $"user:{userId}").ToListAsync(TestContext.Current.CancellationToken));
        Assert.Contains(trail, e => e.Action == "user.deleted");
        Assert.Contains(trail, e => e.Action == "account.linked");
        Assert.Contains(trail, e => e.Action == "token.revoked" && e.Details!.Contains("reason=user_deleted", StringComparison.Ordinal));
        Assert.All(trail.Where(e => e.Action != "user.deleted" && e.Action != "token.revoked"), e => Assert.Null(e.SourceIp));
        Assert.DoesNotContain(trail, e => personal.Any(p => (e.Details ?? "").Contains(p, StringComparison.OrdinalIgnoreCase)));
    }

    private static List<string> UserEmails(AdminPage page) => page.Texts("td > a[href*='/users/']").ToList();

    private static List<string> TokenIds(AdminPage page) => page.Dom.InputValues("tokenId").ToList();
}
