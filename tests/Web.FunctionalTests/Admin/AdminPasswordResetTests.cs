using System.Net;
using System.Text.RegularExpressions;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Emails;
using AlexaLinkHub.Web.FunctionalTests.Admin.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AlexaLinkHub.Web.FunctionalTests.Admin;

/// <summary>"Forgot password?" for admins: a single-use, short-lived link by email (the same answer for an unknown
/// email), a new password that ends every other session, and nothing that works twice.</summary>
public sealed class AdminPasswordResetTests(AdminPasswordResetTests.ClockedAdminFixture app) : IClassFixture<AdminPasswordResetTests.ClockedAdminFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Login_LinksToForgotPassword()
    {
        using var browser = app.NewBrowser();

        var login = await browser.GetAsync("/admin/login");
        var forgot = await browser.GetAsync("/admin/forgot-password");

        Assert.Contains("href=\"/admin/forgot-password\"", login.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, forgot.Status);
        Assert.Equal("Forgot your password?", forgot.H1);
        Assert.Contains("Email", forgot.Labels);
    }

    [Fact]
    public async Task Reset_LinkFromTheEmail_SetsANewPasswordOnceSignsInAndEndsOtherSessions()
    {
        var (vendor, slug, email) = await app.VendorAsync("forgot");
        using var _ = vendor;
        using var anonymous = app.NewBrowser();

        // Typed as people do on a phone: surrounding spaces, different case.
        var sent = await anonymous.PostFormAsync("/admin/forgot-password", AdminBrowser.Fields(("Email", $"  {email.ToUpperInvariant()} ")));
        var link = await ResetLinkAsync(email);
        using var browser = app.NewBrowser();
        var form = await browser.GetAsync(link);
        var saved = await browser.PostAsync(link, AdminBrowser.Fields(("token", form.ValueOfId("token-field")), ("Password", "a brand new admin passphrase"), ("__RequestVerificationToken", form.AntiforgeryToken())));
        var home = await browser.GetAsync("/admin");

        Assert.Equal("Check your email", sent.H1);
        Assert.Equal("Choose a new password", form.H1);
        Assert.Contains(email, form.Text, StringComparison.Ordinal);
        Assert.Equal("/admin", saved.Location);
        Assert.Equal($"/admin/t/{slug}", home.Location);
        // The old session ended with the old password (its security stamp changed).
        var stale = await vendor.GetAsync($"/admin/t/{slug}");
        Assert.Contains("/admin/login?returnUrl=", stale.Location, StringComparison.Ordinal);
        // The link works once; the old password is gone, the new one works.
        using var again = app.NewBrowser();
        var reused = await again.GetAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, reused.Status);
        Assert.Equal("This reset link does not work", reused.H1);
        using var old = app.NewBrowser();
        Assert.Contains("The email or password is not correct.", (await old.SignInAsync(email, AdminFixture.VendorPassword, expectSuccess: false)).Text, StringComparison.Ordinal);
        using var fresh = app.NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.SignInAsync(email, "a brand new admin passphrase")).Status);
        // The email left through the outbox job: an .eml in the pickup folder (no SMTP host in tests).
        var eml = await DeliveredMailAsync(email);
        Assert.Contains("Subject: Reset your AlexaLinkHub admin password", eml, StringComparison.Ordinal);
        var audited = await app.QueryAsync(db => db.AuditEvents.IgnoreQueryFilters().Where(e => e.Target == $"admin:{email}").Select(e => e.Action).ToListAsync(Ct));
        Assert.Contains(AuditActions.AdminPasswordResetRequested, audited);
        Assert.Contains(AuditActions.AdminPasswordReset, audited);
    }

    [Fact]
    public async Task Forgot_UnknownEmail_GetsTheSameAnswerAndNoEmail()
    {
        var (vendor, _, email) = await app.VendorAsync("known");
        vendor.Dispose();
        var unknown = $"nobody-{Guid.NewGuid():N}@vendor.example";
        using var browser = app.NewBrowser();

        var known = await browser.PostFormAsync("/admin/forgot-password", AdminBrowser.Fields(("Email", email)));
        var answer = await browser.PostFormAsync("/admin/forgot-password", AdminBrowser.Fields(("Email", unknown)));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(known.Text.Replace(email, "EMAIL", StringComparison.Ordinal), answer.Text.Replace(unknown, "EMAIL", StringComparison.Ordinal));
        Assert.False(await app.QueryAsync(db => db.Set<OutboundEmail>().AnyAsync(e => e.To == unknown, Ct)));
    }

    [Fact]
    public async Task Forgot_NotAnEmail_IsRefusedInline()
    {
        using var browser = app.NewBrowser();

        var page = await browser.PostFormAsync("/admin/forgot-password", AdminBrowser.Fields(("Email", "not an email")));

        Assert.Equal("Forgot your password?", page.H1);
        Assert.Equal("Enter a valid email address.", page.TextOfId("email-error"));
    }

    [Fact]
    public async Task Reset_CommonPassword_IsRefusedInlineAndTheLinkStillWorks()
    {
        var (vendor, _, email) = await app.VendorAsync("common");
        vendor.Dispose();
        using var browser = app.NewBrowser();
        await browser.PostFormAsync("/admin/forgot-password", AdminBrowser.Fields(("Email", email)));
        var link = await ResetLinkAsync(email);

        var form = await browser.GetAsync(link);
        var refused = await browser.PostAsync(link, AdminBrowser.Fields(("token", form.ValueOfId("token-field")), ("Password", "password123"), ("__RequestVerificationToken", form.AntiforgeryToken())));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("too common", refused.TextOfId("password-error"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(link)).Status);
    }

    [Fact]
    public async Task Reset_TamperedTokenOrAnInvitationToken_DoesNotWork()
    {
        var (vendor, slug, email) = await app.VendorAsync("tamper");
        using var _ = vendor;
        using var browser = app.NewBrowser();
        await browser.PostFormAsync("/admin/forgot-password", AdminBrowser.Fields(("Email", email)));
        var link = await ResetLinkAsync(email);
        var colleague = $"colleague@{slug}.example";
        await vendor.PostFormAsync($"/admin/t/{slug}/team", AdminBrowser.Fields(("Email", colleague)));
        var invitation = await LinkAsync(colleague, "invitation");

        var tampered = await browser.GetAsync(link[..^3] + (link[^3] == 'A' ? "B" : "A") + link[^2..]);
        var crossPurpose = await browser.GetAsync("/admin/reset-password" + invitation[invitation.IndexOf('?', StringComparison.Ordinal)..]);

        Assert.Equal(HttpStatusCode.BadRequest, tampered.Status);
        Assert.Equal(HttpStatusCode.BadRequest, crossPurpose.Status);
        Assert.Equal("This reset link does not work", crossPurpose.H1);
    }

    [Fact]
    public async Task Reset_AfterTheLinkExpired_DoesNotWork()
    {
        var (vendor, _, email) = await app.VendorAsync("expired");
        vendor.Dispose();
        using var browser = app.NewBrowser();
        await browser.PostFormAsync("/admin/forgot-password", AdminBrowser.Fields(("Email", email)));
        var link = await ResetLinkAsync(email);
        var form = await browser.GetAsync(link);

        app.Clock!.Advance(TimeSpan.FromMinutes(61));
        var expired = await browser.PostAsync(link, AdminBrowser.Fields(("token", form.ValueOfId("token-field")), ("Password", "too late passphrase"), ("__RequestVerificationToken", form.AntiforgeryToken())));

        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal(HttpStatusCode.BadRequest, expired.Status);
        Assert.Equal("This reset link does not work", expired.H1);
        using var old = app.NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await old.SignInAsync(email, AdminFixture.VendorPassword)).Status);
    }

    private Task<string> ResetLinkAsync(string email) => LinkAsync(email, "reset-password");

    private async Task<string> DeliveredMailAsync(string to)
    {
        for (var i = 0; i < 100; i++)
        {
            if (app.Mails().FirstOrDefault(m => m.Contains($"To: {to}", StringComparison.OrdinalIgnoreCase)) is { } mail)
                return mail;
            await Task.Delay(100, Ct);
        }
        Assert.Fail($"No email to {to} was delivered to the pickup folder within 10 s.");
        return string.Empty;
    }

    /// <summary>The admin-area link in the newest email to <paramref name="email"/>, as a local path.</summary>
    private async Task<string> LinkAsync(string email, string page)
    {
        var mail = await app.QueryAsync(db => db.Set<OutboundEmail>().Where(e => e.To == email).OrderByDescending(e => e.CreatedAt).FirstAsync(Ct));
        var url = Regex.Match(mail.TextBody, $@"https://alh\.test(/admin/{page}\?token=\S+)").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(url), mail.TextBody);
        return url;
    }

    public sealed class ClockedAdminFixture : AdminFixture
    {
        protected override FakeTimeProvider? CreateClock() => new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    }
}
