using AlexaLinkHub.Domain.Skills;
using AlexaLinkHub.Infrastructure.IntegrationTests.Support;
using AlexaLinkHub.Infrastructure.OAuth;
using AlexaLinkHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Infrastructure.IntegrationTests;

/// <summary>A skill's OAuth state lives once, in <see cref="Skill"/>: OpenIddict's client is only the key of the skill's
/// row, so there is no second copy (enabled, secrets, redirect URIs, scopes) to keep in step. See docs/decisions/011.</summary>
public sealed class OAuthClientModelTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void Model_TheOAuthClient_IsOnlyTheKeyOfTheSkillsRow(DatabaseProvider provider)
    {
        using var db = OfflineContexts.Create(provider);
        var client = db.Model.FindEntityType(typeof(OAuthApplication))!;
        var skill = db.Model.FindEntityType(typeof(Skill))!;

        Assert.Equal(skill.GetTableName(), client.GetTableName());
        Assert.Equal(skill.GetSchema(), client.GetSchema());
        Assert.Equal([nameof(OAuthApplication.Id)], client.GetProperties().Select(p => p.Name));
        Assert.DoesNotContain(db.Model.GetEntityTypes(), e => e.GetTableName() == "OpenIddictApplications");
    }
}
