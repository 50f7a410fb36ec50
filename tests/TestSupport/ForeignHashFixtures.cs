using System.Text.Json;

namespace AlexaLinkHub.TestSupport;

/// <summary>One password and its hash as another system wrote it (see Fixtures/make-foreign-hashes.py).</summary>
public sealed record ForeignHashFixture(string Name, string Format, string Email, string Password, string Hash)
{
    public override string ToString() => Name;
}

/// <summary>The committed fixtures (Fixtures/foreign-hashes.json, embedded): bcrypt, Argon2, PBKDF2 (passlib, PHC,
/// Django), ASP.NET Core Identity v2/v3 and scrypt hashes made by Debian's python3-bcrypt, python3-passlib,
/// python3-argon2 and Python's hashlib — never by the code under test.</summary>
public static class ForeignHashFixtures
{
    private static readonly Lazy<IReadOnlyList<ForeignHashFixture>> s_all = new(Load);

    public static IReadOnlyList<ForeignHashFixture> All => s_all.Value;

    public static ForeignHashFixture Named(string name) => All.Single(f => f.Name == name);

    /// <summary>For xunit's [MemberData]: one row per fixture, by name.</summary>
    public static Xunit.TheoryData<string> Names()
    {
        var data = new Xunit.TheoryData<string>();
        foreach (var fixture in All)
            data.Add(fixture.Name);
        return data;
    }

    private static IReadOnlyList<ForeignHashFixture> Load()
    {
        using var stream = typeof(ForeignHashFixtures).Assembly.GetManifestResourceStream("AlexaLinkHub.TestSupport.ForeignHashes")
            ?? throw new InvalidOperationException("Fixtures/foreign-hashes.json is not embedded.");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("hashes").EnumerateArray()
            .Select(e => new ForeignHashFixture(
                e.GetProperty("name").GetString()!, e.GetProperty("format").GetString()!, e.GetProperty("email").GetString()!,
                e.GetProperty("password").GetString()!, e.GetProperty("hash").GetString()!))
            .ToList();
    }
}
