using System.Text;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Imports.Support;
using AlexaLinkHub.Web.FunctionalTests.Support;
using static AlexaLinkHub.TestSupport.ImportArrange;

namespace AlexaLinkHub.Web.FunctionalTests.Imports;

/// <summary>Ten thousand rows through the API on each provider: every row arrives once, in many staged chunks, and
/// running the same file again updates them all instead of duplicating any.</summary>
public sealed class ImportVolumeTests
{
    private const int Rows = 10_000;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task TenThousandRows_AreImportedOnce_AndARerunUpdatesThemAll(DatabaseProvider provider)
    {
        await using var factory = await ApiFixture.CreateFactoryAsync(provider);
        using var platform = factory.CreateApiClient();
        var slug = ApiFixture.NewSlug("vol");
        await platform.CreateTenantOkAsync(slug);
        var hash = ForeignHashFixtures.Named("bcrypt-2b").Hash;
        var file = new StringBuilder();
        for (var i = 0; i < Rows; i++)
            file.Append(Row($"user{i}@volume.example", $"User {i}", externalId: $"crm-{i}", passwordHash: hash)).Append('\n');
        file.Append(Row("broken", "Broken")).Append('\n');

        var first = await platform.ImportAsync(slug, file.ToString(), timeout: TimeSpan.FromMinutes(3));
        var second = await platform.ImportAsync(slug, file.ToString(), timeout: TimeSpan.FromMinutes(3));

        Assert.Equal(("completed", Rows + 1L, (long)Rows, 0L, 1L), first.Counts());
        Assert.Equal((Rows + 1L, "email"), first.Errors().Select(e => (e.Line ?? 0, e.Field)).Single());
        Assert.Equal(("completed", Rows + 1L, 0L, (long)Rows, 1L), second.Counts());
        Assert.Equal(Rows, await factory.CountUsersAsync(slug));
        Assert.Equal("crm-9999", (await factory.StoredUserAsync(slug, "USER9999@volume.example"))!.ExternalId);
    }
}
