using System.Net;
using AlexaLinkHub.Domain.Users;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Imports.Support;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;
using AlexaLinkHub.Web.FunctionalTests.Support;
using static AlexaLinkHub.TestSupport.ImportArrange;

namespace AlexaLinkHub.Web.FunctionalTests.Imports;

/// <summary>Every foreign hash format, made by an independent implementation, imported through the API: the customer
/// links through the real login page with the password they already know, the hash is replaced by ours (the foreign one
/// is gone), and they sign in again afterwards. A wrong password stays wrong.</summary>
public sealed class ForeignHashSignInTests(ForeignHashSignInTests.ImportedTenant tenant) : IClassFixture<ForeignHashSignInTests.ImportedTenant>
{
    private const string BadCredentials = "The email or password is not correct. Use your Car Fu Rides account, not your Amazon account.";

    [Theory]
    [MemberData(nameof(ForeignHashFixtures.Names), MemberType = typeof(ForeignHashFixtures))]
    public async Task ImportedHash_LinksThroughTheLoginPage_IsRehashed_AndSignsInAgain(string name)
    {
        var fixture = ForeignHashFixtures.Named(name);
        var app = tenant.Api.Factory;

        using (var wrong = LinkFlowClient.Create(app))
        {
            var login = await wrong.FollowAsync(await wrong.GetPageAsync(tenant.Setup.AuthorizeUrl()));
            var refused = await wrong.SignInAsync(login, fixture.Email, fixture.Password + "!");
            Assert.Equal(BadCredentials, refused.TextOf("error"));
        }
        Assert.Equal((PasswordSource.Imported, fixture.Hash), await StoredAsync(fixture));

        using (var first = LinkFlowClient.Create(app))
        {
            var linked = await first.LinkAsync(tenant.Setup.AuthorizeUrl(), fixture.Email, fixture.Password);
            Assert.NotEmpty(LinkAssert.FragmentRedirect(linked, tenant.Setup.Skill.RedirectUri)["access_token"]);
        }
        var (source, hash) = await StoredAsync(fixture);
        Assert.Equal(PasswordSource.Own, source);
        Assert.NotEqual(fixture.Hash, hash);
        Assert.StartsWith("AQAAAA", hash, StringComparison.Ordinal);

        using var again = LinkFlowClient.Create(app);
        var login2 = await again.FollowAsync(await again.GetPageAsync(tenant.Setup.AuthorizeUrl()));
        var signedIn = await again.SignInAsync(login2, "  " + fixture.Email.ToUpperInvariant(), fixture.Password);
        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
        Assert.Equal(hash, (await StoredAsync(fixture)).Hash);
    }

    [Fact]
    public async Task ImportedHash_WrongPasswords_CountTowardsTheLockout_AndTheRightOneIsThenRefusedToo()
    {
        // A customer of its own (the theory's fixtures stay unlocked), with a hash the vendor's bcrypt made.
        var fixture = ForeignHashFixtures.Named("bcrypt-2b");
        const string email = "locked-out@vendor.example";
        var import = await tenant.Api.Platform.ImportAsync(tenant.Setup.Slug, Row(email, "Locked Out", externalId: "crm-locked-out", passwordHash: fixture.Hash));
        Assert.Equal(("completed", 1L, 1L, 0L, 0L), import.Counts());

        var messages = new List<string?>();
        for (var i = 0; i < 6; i++)
        {
            using var browser = LinkFlowClient.Create(tenant.Api.Factory);
            var login = await browser.FollowAsync(await browser.GetPageAsync(tenant.Setup.AuthorizeUrl()));
            messages.Add((await browser.SignInAsync(login, email, i < 5 ? fixture.Password + i : fixture.Password)).TextOf("error"));
        }

        const string lockedOut = "Too many failed attempts. Wait 15 minutes and try again, or reset your password.";
        Assert.Equal([BadCredentials, BadCredentials, BadCredentials, BadCredentials, lockedOut, lockedOut], messages);
        var stored = await tenant.Api.Factory.StoredUserAsync(tenant.Setup.Slug, email);
        Assert.Equal((PasswordSource.Imported, fixture.Hash), (stored!.PasswordSource, stored.PasswordHash));
    }

    private async Task<(PasswordSource Source, string Hash)> StoredAsync(ForeignHashFixture fixture)
    {
        var user = await tenant.Api.Factory.StoredUserAsync(tenant.Setup.Slug, fixture.Email) ?? throw new InvalidOperationException($"{fixture.Email} was not imported.");
        return (user.PasswordSource, user.PasswordHash);
    }

    /// <summary>One app and one tenant (a skill to link) into which every fixture is imported once, as one file.</summary>
    public sealed class ImportedTenant : IAsyncLifetime
    {
        public ApiFixture Api { get; } = new();
        public LinkSetup Setup { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            await Api.InitializeAsync();
            Setup = await Api.Platform.ArrangeLinkAsync();
            var file = string.Join("\n", ForeignHashFixtures.All.Select(f => Row(f.Email, f.Name, externalId: f.Name, passwordHash: f.Hash)));
            var import = await Api.Platform.ImportAsync(Setup.Slug, file);
            if (import.Counts() != ("completed", ForeignHashFixtures.All.Count, ForeignHashFixtures.All.Count, 0, 0))
                throw new InvalidOperationException($"The fixtures did not import cleanly: {import}");
        }

        public ValueTask DisposeAsync() => Api.DisposeAsync();
    }
}
