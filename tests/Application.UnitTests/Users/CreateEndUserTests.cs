using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AlexaLinkHub.Application.UnitTests.Support.TestActors;

namespace AlexaLinkHub.Application.UnitTests.Users;

public sealed class CreateEndUserTests
{
    [Fact]
    public async Task Create_StoresTheUserWithAHashedPasswordAndAuditsIt()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");

        var user = await app.AsAdminOf<EndUserDto>(acme, Requests.User("  Jo@Example.com ", "Jo Doe", externalId: " crm-42 "));

        Assert.Equal(("Jo@Example.com", "Jo Doe", "crm-42", true, false), (user.Email, user.DisplayName, user.ExternalId, user.Enabled, user.EmailConfirmed));
        var stored = await app.QueryDbAsync(db => db.EndUsers.SingleAsync(Ct));
        Assert.Equal((user.Id, acme.Id, "JO@EXAMPLE.COM"), (stored.Id, stored.TenantId, stored.NormalizedEmail));
        Assert.NotEqual("correct horse battery", stored.PasswordHash);
        Assert.DoesNotContain(await app.AllValuesAsync("EndUsers"), v => v.Contains("correct horse battery", StringComparison.Ordinal));
        var hasher = app.Services.GetRequiredService<IPasswordHasher>();
        Assert.Equal(PasswordCheck.Success, hasher.Verify(stored.PasswordHash, "correct horse battery"));
        Assert.Equal(PasswordCheck.Failed, hasher.Verify(stored.PasswordHash, "correct horse battery!"));
        var audit = Assert.Single(await app.AuditEventsAsync(AuditActions.UserCreated));
        Assert.Equal((acme.Id, $"user:{user.Id}", "externalId=crm-42"), (audit.TenantId!.Value, audit.Target, audit.Details));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Create_EmailTakenIgnoringCaseAndSpaces_IsAConflictOnEmail(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var acme = await app.CreateTenantAsync("acme");
        await app.AsAdminOf<EndUserDto>(acme, Requests.User("jo@example.com"));

        var conflict = await Assert.ThrowsAsync<ConflictException>(() => app.AsAdminOf<EndUserDto>(acme, Requests.User("  JO@Example.COM  ")));

        Assert.Equal("email", conflict.Field);
        Assert.Equal(1, await app.QueryDbAsync(db => db.EndUsers.CountAsync(Ct)));
        Assert.Single(await app.AuditEventsAsync(AuditActions.UserCreated));
    }

    [Fact]
    public async Task Create_SameEmailInAnotherTenant_IsAnotherUser()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var globex = await app.CreateTenantAsync("globex");
        var inAcme = await app.AsAdminOf<EndUserDto>(acme, Requests.User("jo@example.com", externalId: "42"));

        var inGlobex = await app.AsAdminOf<EndUserDto>(globex, Requests.User("jo@example.com", externalId: "42"));

        Assert.NotEqual(inAcme.Id, inGlobex.Id);
        var owners = await app.QueryDbAsync(db => db.EndUsers.Select(u => u.TenantId).ToListAsync(Ct));
        Assert.Equal(new[] { acme.Id, globex.Id }.Order(), owners.Order());
    }

    [Fact]
    public async Task Create_ExternalIdTaken_IsAConflictOnExternalId()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        await app.AsAdminOf<EndUserDto>(acme, Requests.User("jo@example.com", externalId: "crm-42"));

        var conflict = await Assert.ThrowsAsync<ConflictException>(() => app.AsAdminOf<EndUserDto>(acme, Requests.User("sam@example.com", externalId: " crm-42 ")));

        Assert.Equal("externalId", conflict.Field);
        Assert.Equal(1, await app.QueryDbAsync(db => db.EndUsers.CountAsync(Ct)));
    }

    [Fact]
    public async Task Create_SeveralUsersWithoutExternalId_AreAllowed()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");

        await app.AsAdminOf<EndUserDto>(acme, Requests.User("jo@example.com"));
        await app.AsAdminOf<EndUserDto>(acme, Requests.User("sam@example.com", externalId: "  "));

        Assert.Equal(2, await app.QueryDbAsync(db => db.EndUsers.CountAsync(u => u.ExternalId == null, Ct)));
    }

    [Fact]
    public async Task Create_PasswordShorterThan8_IsRefused()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");

        var invalid = await Assert.ThrowsAsync<ValidationException>(() =>
            app.AsAdminOf<EndUserDto>(acme, Requests.User("jo@example.com") with { Password = "1234567" }));

        Assert.Equal(PasswordRules.TooShortMessage, Assert.Single(invalid.MessagesFor("password")));
        Assert.Equal(0, await app.QueryDbAsync(db => db.EndUsers.CountAsync(Ct)));
    }

    [Fact]
    public async Task Create_InvalidEmailAndMissingName_NamesBothFields()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");

        var invalid = await Assert.ThrowsAsync<ValidationException>(() =>
            app.AsAdminOf<EndUserDto>(acme, Requests.User("jo at example.com", displayName: "")));

        invalid.MessagesFor("email");
        invalid.MessagesFor("displayName");
        Assert.DoesNotContain("password", invalid.Fields(), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Create_FailedValidation_NeverEchoesThePassword()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var longPassword = new string('p', 257);

        var invalid = await Assert.ThrowsAsync<ValidationException>(() =>
            app.AsAdminOf<EndUserDto>(acme, Requests.User("jo@example.com") with { Password = longPassword }));

        Assert.Contains("at most 256", Assert.Single(invalid.MessagesFor("password")), StringComparison.Ordinal);
        Assert.DoesNotContain(longPassword, invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_DisplayNameWithMarkup_IsStoredAsText()
    {
        // A customer's name is the vendor's data (imports bring whatever it holds); every page and email encodes it.
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");

        var created = await app.AsAdminOf<EndUserDto>(acme, Requests.User("jo@example.com", displayName: "<script>x</script>"));

        Assert.Equal("<script>x</script>", created.DisplayName);
        Assert.Equal("<script>x</script>", await app.QueryDbAsync(db => db.EndUsers.Select(u => u.DisplayName).SingleAsync(Ct)));
    }
}
