using AlexaLinkHub.Application.Accounts;
using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Application.UnitTests.Accounts;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.TestSupport;
using Mediator;
using static AlexaLinkHub.Application.UnitTests.Support.TestActors;

namespace AlexaLinkHub.Application.UnitTests.Emails;

/// <summary>An email says how long its link works as configured, not as a sentence someone once wrote.</summary>
public sealed class LinkLifetimeTextTests
{
    [Fact]
    public async Task Emails_WithTheDefaultLifetimes_StateThem()
    {
        await using var app = await AppServices.CreateAsync();

        var (invitation, adminReset, userReset) = await SendAllAsync(app);

        Assert.Contains("expires in 7 days.", invitation, StringComparison.Ordinal);
        Assert.Contains("expires in one hour.", adminReset, StringComparison.Ordinal);
        Assert.Contains("The link works once, for one hour.", userReset, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emails_WithConfiguredLifetimes_StateTheConfiguredOnes()
    {
        await using var app = await AppServices.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["AdminSignIn:InvitationLifetime"] = "2.00:00:00",
            ["AdminSignIn:PasswordResetLifetime"] = "00:30:00",
            ["Accounts:PasswordResetTokenLifetime"] = "03:00:00",
        });

        var (invitation, adminReset, userReset) = await SendAllAsync(app);

        Assert.Contains("expires in 2 days.", invitation, StringComparison.Ordinal);
        Assert.Contains("expires in 30 minutes.", adminReset, StringComparison.Ordinal);
        Assert.Contains("The link works once, for 3 hours.", userReset, StringComparison.Ordinal);
    }

    /// <summary>The text parts of an admin invitation, an admin's "forgot password" email and an end user's.</summary>
    private static async Task<(string Invitation, string AdminReset, string UserReset)> SendAllAsync(AppServices app)
    {
        var vendor = await app.SignUpVendorAsync("carfu");
        var tenant = await app.TenantAsync("carfu");
        await app.AsAdmin<InvitationOutcome>(vendor.Admin, new InviteAdmin { Email = "colleague@carfu.example" }, tenant);
        await app.AsAnonymous<Unit>(new RequestAdminPasswordReset { Email = vendor.Admin.Email });
        await app.CreateUserAsync(tenant, "jo@example.com");
        await AccountActors.AsVisitorOf<Unit>(app, tenant, new RequestPasswordReset("jo@example.com", null));
        var outbox = await app.OutboxAsync();
        return (Single(outbox, "colleague@carfu.example"), Single(outbox, vendor.Admin.Email), Single(outbox, "jo@example.com"));
    }

    private static string Single(IEnumerable<Domain.Emails.OutboundEmail> outbox, string to) =>
        Assert.Single(outbox, e => e.To == to).TextBody;
}
