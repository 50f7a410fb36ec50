using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AlexaLinkHub.Infrastructure.IntegrationTests.Security;

/// <summary>Every foreign format against hashes made by independent implementations (python3-bcrypt, passlib, argon2-cffi,
/// hashlib), and the refusals an import reports for hashes we cannot or will not verify.</summary>
public sealed class ForeignPasswordHashTests(ForeignPasswordHashTests.Host host) : IClassFixture<ForeignPasswordHashTests.Host>
{
    private IForeignPasswordHashes Hashes => host.App.Services.GetRequiredService<IForeignPasswordHashes>();

    [Theory]
    [MemberData(nameof(ForeignHashFixtures.Names), MemberType = typeof(ForeignHashFixtures))]
    public void Fixture_IsRecognisedAndVerifiesOnlyItsOwnPassword(string name)
    {
        var fixture = ForeignHashFixtures.Named(name);

        var inspection = Hashes.Inspect(fixture.Hash);

        Assert.Equal((fixture.Format, (string?)null), (inspection.Format, inspection.Problem));
        Assert.True(Hashes.Verify(fixture.Hash, fixture.Password));
        Assert.False(Hashes.Verify(fixture.Hash, fixture.Password + " "));
        Assert.False(Hashes.Verify(fixture.Hash, fixture.Password.ToUpperInvariant()));
    }

    [Theory]
    [InlineData("5f4dcc3b5aa765d61d8327deb882cf99", "Unknown password hash format")]
    [InlineData("$1$saltsalt$qjXMvbEw8oaL.CzflDugX/", "Unknown password hash format")]
    [InlineData("$2b$10$tooShort", "Malformed bcrypt hash")]
    [InlineData("$2b$03$LHXaY0NOMsbpzj1VyjrZLOW6ilTMSOEHYMeMdkcMHtb5UkgViMzPG", "at least 04")]
    [InlineData("$2b$20$LHXaY0NOMsbpzj1VyjrZLOW6ilTMSOEHYMeMdkcMHtb5UkgViMzPG", "higher than we verify")]
    [InlineData("$argon2id$v=16$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo", "only v=19")]
    [InlineData("$argon2id$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo", "only v=19")]
    [InlineData("$argon2id$v=19$m=4194304,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo", "out of range")]
    [InlineData("$argon2id$v=19$m=4096,t=3$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo", "Malformed Argon2 hash")]
    [InlineData("$argon2id$v=19$m=4096,t=3,p=1$!!!$aGFzaGhhc2hoYXNo", "Malformed Argon2 hash")]
    [InlineData("$pbkdf2-sha256$29000$notbase64!$AAAAAAAAAAAAAAAAAAAAAA", "Malformed PBKDF2 hash")]
    [InlineData("$pbkdf2-sha256$99999999$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA", "iterations out of range")]
    [InlineData("$pbkdf2-md5$1000$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA", "Unknown password hash format")]
    [InlineData("$pbkdf2-sha256$i=1000,l=16$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaGhhc2g", "does not match the length")]
    [InlineData("pbkdf2_sha256$abc$salt$aGFzaGhhc2hoYXNoaGFzaA==", "iterations out of range")]
    [InlineData("pbkdf2_sha256$1000$salt", "Malformed Django hash")]
    [InlineData("AQAAAAEAACcQAAAAEAAAAA", "Malformed ASP.NET Core Identity")]
    [InlineData("AgAAAAEAACcQAAAAEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "format marker")]
    [InlineData("$scrypt$ln=30,r=8,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA", "out of range")]
    [InlineData("$scrypt$ln=12,r=8$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA", "Malformed scrypt hash")]
    public void UnknownMalformedOrTooCostlyHash_IsRefusedWithAReasonThatDoesNotQuoteIt(string hash, string reason)
    {
        var inspection = Hashes.Inspect(hash);

        Assert.False(inspection.IsValid);
        Assert.Contains(reason, inspection.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain(hash, inspection.Problem, StringComparison.Ordinal);
        Assert.False(Hashes.Verify(hash, "whatever"));
    }

    /// <summary>One app for the whole class: the hashes need the services as the host wires them, not a database each.</summary>
    public sealed class Host : IAsyncLifetime
    {
        public AppServices App { get; private set; } = null!;

        public async ValueTask InitializeAsync() => App = await AppServices.CreateAsync();

        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
