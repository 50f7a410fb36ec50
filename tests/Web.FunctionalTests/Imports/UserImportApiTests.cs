using System.Net;
using System.Text;
using System.Text.Json;
using AlexaLinkHub.Domain.Users;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Imports.Support;
using AlexaLinkHub.Web.FunctionalTests.Support;
using static AlexaLinkHub.TestSupport.ImportArrange;

namespace AlexaLinkHub.Web.FunctionalTests.Imports;

/// <summary><c>POST /api/v1/tenants/{slug}/users/import</c> and <c>GET …/users/imports/{id}</c> through the real pipeline:
/// both formats, dry run, idempotent re-runs, row errors by physical line, and what never leaks.</summary>
public sealed class UserImportApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly ForeignHashFixture Bcrypt = ForeignHashFixtures.Named("bcrypt-2a-weak");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> NewTenantAsync()
    {
        var slug = ApiFixture.NewSlug("imp");
        await api.Platform.CreateTenantOkAsync(slug);
        return slug;
    }

    private async Task<JsonElement> UserAsync(string slug, string email)
    {
        var page = await ApiAssert.JsonAsync(await api.Platform.GetAsync($"/api/v1/tenants/{slug}/users?search={Uri.EscapeDataString(email)}", Ct), HttpStatusCode.OK);
        return Assert.Single(page.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task ImportNdjson_CreatesTheUsers_AndReportsProgressAsTheContractSays()
    {
        var slug = await NewTenantAsync();
        var file = string.Join("\n",
            Row("ann@example.com", "Ann", externalId: "crm-1", passwordHash: Bcrypt.Hash, emailVerified: true),
            Row("bob@example.com", "Bob", password: "bob's own password"),
            """{"email":"cid@example.com","displayName":"Cid","externalId":42}""") + "\n";

        using var accepted = await api.Platform.UploadImportAsync(slug, file);

        var started = await ApiAssert.JsonAsync(accepted, HttpStatusCode.Accepted);
        ApiAssert.HasProperties(started, "id", "status");
        Assert.Equal($"/api/v1/tenants/{slug}/users/imports/{started.GetProperty("id").GetGuid()}", accepted.Headers.Location?.OriginalString);
        var done = await api.Platform.AwaitImportAsync(slug, accepted);
        ApiAssert.HasProperties(done, "id", "status", "dryRun", "read", "created", "updated", "failed", "errors");
        Assert.Equal(("completed", 3L, 3L, 0L, 0L), done.Counts());
        Assert.False(done.GetProperty("dryRun").GetBoolean());
        Assert.Empty(done.Errors());
        Assert.Equal(3, await api.Factory.CountUsersAsync(slug));
        var ann = await UserAsync(slug, "ann@example.com");
        Assert.Equal(("Ann", "crm-1", true), (ann.Str("displayName"), ann.Str("externalId"), ann.GetProperty("emailConfirmed").GetBoolean()));
        var bob = await UserAsync(slug, "bob@example.com");
        Assert.False(bob.GetProperty("emailConfirmed").GetBoolean());
        Assert.Equal("42", (await UserAsync(slug, "cid@example.com")).Str("externalId"));
        Assert.Equal(PasswordSource.Imported, (await api.Factory.StoredUserAsync(slug, "ann@example.com"))!.PasswordSource);
        Assert.Equal(PasswordSource.Legacy, (await api.Factory.StoredUserAsync(slug, "cid@example.com"))!.PasswordSource);

        var empty = await api.Platform.ImportAsync(slug, "\n\n");
        Assert.Equal(("completed", 0L, 0L, 0L, 0L), empty.Counts());
    }

    [Fact]
    public async Task ImportCsv_HeaderQuotesAndLineBreaks_AreReadAsRfc4180AndErrorsNameThePhysicalLine()
    {
        var slug = await NewTenantAsync();
        var file =
            "\uFEFFEmail,displayName,externalId,passwordHash\r\n" +                 // line 1: header (BOM, any case)
            $"ann@example.com,\"Ann, the first\",crm-1,{Bcrypt.Hash}\r\n" +      // line 2
            "\r\n" +                                                             // line 3: blank, skipped
            "bob@example.com,\"Bob \"\"the builder\"\"\nsecond line\",crm-2,\r\n" + // lines 4-5: a quoted line break (not in a name)
            "not-an-email,Cid,crm-3,\r\n" +                                      // line 6: bad email
            "dee@example.com,Dee,crm-4,$2b$10$short\r\n" +                       // line 7: malformed hash
            "eve@example.com,Eve\r\n";                                           // line 8: too few fields

        var import = await api.Platform.ImportAsync(slug, file, Csv);

        Assert.Equal(("completed", 5L, 1L, 0L, 4L), import.Counts());
        var errors = import.Errors();
        Assert.Equal([(4L, "displayName"), (6L, "email"), (7L, "passwordHash"), (8L, null)], errors.Select(e => (e.Line ?? 0, e.Field)).ToArray());
        Assert.Contains("control characters", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("Malformed bcrypt hash", errors[2].Message, StringComparison.Ordinal);
        Assert.Equal("Ann, the first", (await UserAsync(slug, "ann@example.com")).Str("displayName"));
    }

    [Fact]
    public async Task ImportNdjson_BadRows_AreReportedByLineAndFieldAndTheGoodOnesApplied()
    {
        var slug = await NewTenantAsync();
        var file = string.Join("\n",
            Row("ok@example.com", "Ok"),
            "{not json",
            Row("", "No Email"),
            """{"email":"x@example.com","displayName":"X","passwordhash":"$2b$10$abc","password":"a"}""",
            Row("y@example.com", "Y", passwordHash: "5f4dcc3b5aa765d61d8327deb882cf99"),
            """{"email":"z@example.com","displayName":"Z","emailVerified":"maybe","mystery":1}""",
            Row("w@example.com", new string('w', 101)));

        var import = await api.Platform.ImportAsync(slug, file);

        Assert.Equal(("completed", 7L, 1L, 0L, 6L), import.Counts());
        var errors = import.Errors().Select(e => (e.Line, e.Field)).ToList();
        Assert.Equal([(2L, null), (3L, "email"), (4L, "password"), (5L, "passwordHash"), (6L, "emailVerified"), (6L, "mystery"), (7L, "displayName")],
            errors.Select(e => (e.Line ?? 0, e.Field)).ToArray());
        Assert.All(import.Errors(), e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public async Task DryRun_ChangesNothing_AndCountsWhatARealRunThenDoes()
    {
        var slug = await NewTenantAsync();
        await api.Platform.CreateUserOkAsync(slug, "existing@example.com", externalId: "crm-0");
        var file = string.Join("\n",
            Row("existing@example.com", "Existing, renamed"),
            Row("new@example.com", "New", externalId: "crm-9"),
            Row("NEW@example.com ", "New again"),
            Row("bad", "Bad"));

        var dry = await api.Platform.ImportAsync(slug, file, dryRun: true);

        Assert.True(dry.GetProperty("dryRun").GetBoolean());
        Assert.Equal(("completed", 4L, 1L, 2L, 1L), dry.Counts());
        Assert.Equal(1, await api.Factory.CountUsersAsync(slug));
        Assert.Equal("Jo Doe", (await UserAsync(slug, "existing@example.com")).Str("displayName"));

        var real = await api.Platform.ImportAsync(slug, file);
        Assert.Equal(dry.Counts(), real.Counts());
        Assert.Equal(2, await api.Factory.CountUsersAsync(slug));
        Assert.Equal("New again", (await UserAsync(slug, "new@example.com")).Str("displayName"));
    }

    [Fact]
    public async Task ReImport_UpdatesByExternalIdThenEmail_NeverDuplicates()
    {
        var slug = await NewTenantAsync();
        await api.Platform.ImportAsync(slug, string.Join("\n",
            Row("ann@example.com", "Ann", externalId: "crm-1"),
            Row("bob@example.com", "Bob")));

        var again = await api.Platform.ImportAsync(slug, string.Join("\n",
            Row("ann.new@example.com", "Ann Renamed", externalId: "crm-1", emailVerified: true),
            Row("  BOB@Example.com ", "Bob Renamed", externalId: "crm-2"),
            Row("carl@example.com", "Carl", externalId: "crm-1x"),
            Row("ann.new@example.com", "Clash", externalId: "crm-3")));

        Assert.Equal(("completed", 4L, 1L, 2L, 1L), again.Counts());
        Assert.Equal((4L, "externalId"), again.Errors().Select(e => (e.Line ?? 0, e.Field)).Single());
        Assert.Equal(3, await api.Factory.CountUsersAsync(slug));
        var ann = await UserAsync(slug, "ann.new@example.com");
        Assert.Equal(("Ann Renamed", "crm-1", true), (ann.Str("displayName"), ann.Str("externalId"), ann.GetProperty("emailConfirmed").GetBoolean()));
        Assert.Equal(("Bob Renamed", "crm-2"), ((await UserAsync(slug, "bob@example.com")).Str("displayName"), (await UserAsync(slug, "bob@example.com")).Str("externalId")));
    }

    [Fact]
    public async Task ReImport_NeverOverwritesAPasswordTheUserHasWithUs()
    {
        var slug = await NewTenantAsync();
        await api.Platform.CreateUserOkAsync(slug, "own@example.com");
        var ownHash = (await api.Factory.StoredUserAsync(slug, "own@example.com"))!.PasswordHash;
        await api.Platform.ImportAsync(slug, Row("imported@example.com", "Imp", passwordHash: Bcrypt.Hash));
        var other = ForeignHashFixtures.Named("pbkdf2-sha256-weak");

        var again = await api.Platform.ImportAsync(slug, string.Join("\n",
            Row("own@example.com", "Own", passwordHash: other.Hash),
            Row("imported@example.com", "Imp", passwordHash: other.Hash)));

        Assert.Equal(("completed", 2L, 0L, 2L, 0L), again.Counts());
        Assert.Equal((PasswordSource.Own, ownHash), ((await api.Factory.StoredUserAsync(slug, "own@example.com"))!.PasswordSource, (await api.Factory.StoredUserAsync(slug, "own@example.com"))!.PasswordHash));
        Assert.Equal(other.Hash, (await api.Factory.StoredUserAsync(slug, "imported@example.com"))!.PasswordHash);
    }

    [Fact]
    public async Task ScriptInADisplayName_IsStoredAsTextAndShownEncoded()
    {
        var slug = await NewTenantAsync();
        const string name = "<script>alert('x')</script> & co";

        var import = await api.Platform.ImportAsync(slug, Row("xss@example.com", name));

        Assert.Equal(("completed", 1L, 1L, 0L, 0L), import.Counts());
        Assert.Equal(name, (await UserAsync(slug, "xss@example.com")).Str("displayName"));
        Assert.Equal(name, (await api.Factory.StoredUserAsync(slug, "xss@example.com"))!.DisplayName);
    }

    [Fact]
    public async Task HashesInTheFile_NeverAppearInAnswersErrorsOrTheAuditLog()
    {
        var slug = await NewTenantAsync();
        const string badHash = "$2b$10$ThisIsNotAValidBcryptHashButItIsSecret0123456789";
        var file = string.Join("\n", Row("ann@example.com", "Ann", passwordHash: Bcrypt.Hash), Row("bad", "Bad", passwordHash: badHash), Row("c@example.com", "C", passwordHash: badHash));

        using var accepted = await api.Platform.UploadImportAsync(slug, file);
        var acceptedText = await accepted.Content.ReadAsStringAsync(Ct);
        var import = await api.Platform.AwaitImportAsync(slug, accepted);
        var audit = await api.Platform.GetStringAsync($"/api/v1/tenants/{slug}/audit?pageSize=100", Ct);
        var user = await api.Platform.GetStringAsync($"/api/v1/tenants/{slug}/users?search=ann", Ct);

        Assert.Equal([(2L, "email"), (2L, "passwordHash"), (3L, "passwordHash")], import.Errors().Select(e => (e.Line ?? 0, e.Field)).ToArray());
        foreach (var text in new[] { acceptedText, import.GetRawText(), audit, user })
        {
            Assert.DoesNotContain(Bcrypt.Hash[7..], text, StringComparison.Ordinal);
            Assert.DoesNotContain("ThisIsNotAValid", text, StringComparison.Ordinal);
        }
        Assert.Contains("users.import_started", audit, StringComparison.Ordinal);
        Assert.Contains("users.import_finished", audit, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task Import_NeitherNdjsonNorCsv_Is415ProblemJson(string contentType)
    {
        var slug = await NewTenantAsync();

        using var response = await api.Platform.UploadImportAsync(slug, Row("a@example.com", "A"), contentType);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/x-ndjson", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(0, await api.Factory.CountUsersAsync(slug));
    }

    [Fact]
    public async Task Import_WithAnotherTenantsKey_Is404AndTheirImportsAreInvisible()
    {
        var mine = await NewTenantAsync();
        var theirs = await NewTenantAsync();
        using var myKey = api.Client(await api.Platform.CreateTenantKeyAsync(mine));
        var their = await api.Platform.ImportAsync(theirs, Row("a@example.com", "A"));

        await ApiAssert.ProblemAsync(await myKey.UploadImportAsync(theirs, Row("b@example.com", "B")), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await myKey.GetAsync($"/api/v1/tenants/{theirs}/users/imports/{their.GetProperty("id").GetGuid()}", Ct), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await myKey.GetAsync($"/api/v1/tenants/{mine}/users/imports/{their.GetProperty("id").GetGuid()}", Ct), HttpStatusCode.NotFound);
        Assert.Equal(1, await api.Factory.CountUsersAsync(theirs));
        var own = await myKey.ImportAsync(mine, Row("c@example.com", "C"));
        Assert.Equal(("completed", 1L, 1L, 0L, 0L), own.Counts());
    }

    [Fact]
    public async Task ImportCsv_UnknownColumnOrNoEmail_FailsTheImportOnLine1()
    {
        var slug = await NewTenantAsync();

        var unknown = await api.Platform.ImportAsync(slug, "email,displayName,password_hash\na@example.com,A,x\n", Csv);
        var noEmail = await api.Platform.ImportAsync(slug, "displayName\nA\n", Csv);
        var empty = await api.Platform.ImportAsync(slug, "", Csv);

        Assert.Equal(("failed", (long?)1L, "password_hash"), (unknown.Counts().Status, unknown.Errors()[0].Line, unknown.Errors()[0].Field));
        Assert.Equal(("failed", (long?)1L, "email"), (noEmail.Counts().Status, noEmail.Errors()[0].Line, noEmail.Errors()[0].Field));
        Assert.Equal("failed", empty.Counts().Status);
        Assert.Equal(0, await api.Factory.CountUsersAsync(slug));
    }

    [Fact]
    public async Task Import_ALineTooLongToBeARow_IsAnErrorAndTheRestIsImported()
    {
        var slug = await NewTenantAsync();
        var file = Row("a@example.com", "A") + "\n" + Row("b@example.com", new string('b', 20_000)) + "\n" + Row("c@example.com", "C") + "\n";

        var import = await api.Platform.ImportAsync(slug, file);

        Assert.Equal(("completed", 3L, 2L, 0L, 1L), import.Counts());
        Assert.Equal((2L, null), import.Errors().Select(e => (e.Line ?? 0, e.Field)).Single());
    }

    [Fact]
    public async Task LegacySignIn_LoopbackUrl_IsRefusedUnlessWebhooksAllowLoopback()
    {
        var slug = await NewTenantAsync();

        using var response = await api.Platform.PutAsync($"/api/v1/tenants/{slug}/legacy-sign-in",
            new StringContent("""{"url":"http://127.0.0.1:9/legacy","enabled":true}""", Encoding.UTF8, "application/json"), Ct);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "url");
        await ApiAssert.ProblemAsync(await api.Platform.GetAsync($"/api/v1/tenants/{slug}/legacy-sign-in", Ct), HttpStatusCode.NotFound);
    }
}
