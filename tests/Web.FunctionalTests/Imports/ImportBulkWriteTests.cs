using AlexaLinkHub.Domain.Users;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Imports.Support;
using AlexaLinkHub.Web.FunctionalTests.Support;
using static AlexaLinkHub.TestSupport.ImportArrange;

namespace AlexaLinkHub.Web.FunctionalTests.Imports;

/// <summary>An import's new users are written in bulk (SQLite: one prepared INSERT; PostgreSQL: binary COPY), past EF's
/// change tracker: on each provider, one chunk holding a second row about a user the chunk itself creates, and a bad row
/// between good ones, stores every good row once, as EF reads it back — and a re-run updates instead of duplicating.</summary>
public sealed class ImportBulkWriteTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task OneChunk_WithADuplicateEmailAndABadRowInTheMiddle_StoresEachGoodRowOnce_AndARerunUpdates(DatabaseProvider provider)
    {
        await using var factory = await ApiFixture.CreateFactoryAsync(provider);
        using var platform = factory.CreateApiClient();
        var slug = ApiFixture.NewSlug("bulk");
        await platform.CreateTenantOkAsync(slug);
        var hash = ForeignHashFixtures.Named("bcrypt-2b").Hash;
        var file = string.Join("\n",
            Row("ann@bulk.example", "Ann", externalId: "crm-1", passwordHash: hash, emailVerified: true),
            Row("bob@bulk.example", "Bob", passwordHash: hash),
            Row("not-an-email", "Broken"),
            Row("  ANN@Bulk.example ", "Ann Again", externalId: "crm-1"),
            Row("cat@bulk.example", "Cat", externalId: "crm-3", password: "cat-plaintext-password"));
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var first = await platform.ImportAsync(slug, file);
        var ann = (await factory.StoredUserAsync(slug, "ann@bulk.example"))!;
        var second = await platform.ImportAsync(slug, file);

        Assert.Equal(("completed", 5L, 3L, 1L, 1L), first.Counts());
        Assert.Equal((3L, "email"), first.Errors().Select(e => (e.Line ?? 0, e.Field)).Single());
        Assert.Equal(("completed", 5L, 0L, 4L, 1L), second.Counts());
        Assert.Equal(3, await factory.CountUsersAsync(slug));
        Assert.Equal(("Ann Again", "crm-1", true, true, PasswordSource.Imported, hash), (ann.DisplayName, ann.ExternalId, ann.EmailConfirmed, ann.Enabled, ann.PasswordSource, ann.PasswordHash));
        Assert.InRange(ann.CreatedAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal((null, null), (ann.DisabledAt, ann.ErasedAt));
        Assert.False(string.IsNullOrEmpty(ann.SecurityStamp));
        var cat = (await factory.StoredUserAsync(slug, "cat@bulk.example"))!;
        Assert.Equal(PasswordSource.Imported, cat.PasswordSource);
        Assert.DoesNotContain("cat-plaintext-password", cat.PasswordHash, StringComparison.Ordinal);
        Assert.Equal((null, false), ((await factory.StoredUserAsync(slug, "bob@bulk.example"))!.ExternalId, (await factory.StoredUserAsync(slug, "bob@bulk.example"))!.EmailConfirmed));
    }
}
