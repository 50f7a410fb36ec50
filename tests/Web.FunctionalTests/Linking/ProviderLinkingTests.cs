using System.Net;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Linking;

/// <summary>The core of account linking on each database provider the tests can reach: a link, introspection by the
/// owner and by a stranger, and revocation by the skill and by an admin.</summary>
public sealed class ProviderLinkingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task LinkIntrospectAndRevoke_OnProvider_BehaveAlike(DatabaseProvider provider)
    {
        await using var factory = await AlexaLinkHubFactory.CreateAsync(provider);
        using var platform = factory.CreateApiClient();
        var setup = await platform.ArrangeLinkAsync();
        var other = await platform.RegisterLinkSkillAsync(setup.Slug, new SkillSpec { Name = "Other" });
        using var browser = LinkFlowClient.Create(factory);

        var response = await browser.LinkAsync(setup.AuthorizeUrl("Zürich & 東京 #1"), setup.User.Email, setup.User.Password);

        var redirect = LinkAssert.FragmentRedirect(response, setup.Skill.RedirectUri);
        Assert.Equal("Zürich & 東京 #1", redirect["state"]);
        Assert.Equal("Bearer", redirect["token_type"]);
        var token = redirect["access_token"];
        var owner = await LinkAssert.IntrospectAsync(platform, setup.Slug, setup.Skill.ClientId, setup.Skill.ClientSecret, token);
        Assert.True(owner.GetProperty("active").GetBoolean());
        Assert.Equal(setup.User.Id.ToString(), owner.Str("sub"));
        Assert.Equal("crm-42", owner.Str("external_id"));
        Assert.False(await LinkAssert.IsActiveAsync(platform, other, token));

        var revoke = await LinkAssert.PostAsClientAsync(platform, $"/t/{setup.Slug}/connect/revoke", setup.Skill.ClientId, setup.Skill.ClientSecret, true, new() { ["token"] = token });

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.False(await LinkAssert.IsActiveAsync(platform, setup.Skill, token));
        Assert.Single(await LinkAssert.AuditAsync(platform, setup.Slug, "token.revoked"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task AdminRevocationAndTokenCap_OnProvider_BehaveAlike(DatabaseProvider provider)
    {
        await using var factory = await AlexaLinkHubFactory.CreateAsync(provider, new Dictionary<string, string?> { ["Linking:MaxLiveLinksPerUserAndSkill"] = "2" });
        using var platform = factory.CreateApiClient();
        var setup = await platform.ArrangeLinkAsync();
        using var browser = LinkFlowClient.Create(factory);
        var tokens = new List<string>();
        for (var i = 0; i < 3; i++)
            tokens.Add(LinkAssert.FragmentRedirect(await browser.LinkAsync(setup.AuthorizeUrl(), setup.User.Email, setup.User.Password), setup.Skill.RedirectUri)["access_token"]);

        Assert.False(await LinkAssert.IsActiveAsync(platform, setup.Skill, tokens[0]));
        Assert.True(await LinkAssert.IsActiveAsync(platform, setup.Skill, tokens[1]));
        var links = await ApiAssert.JsonAsync(await platform.GetAsync($"/api/v1/tenants/{setup.Slug}/users/{setup.User.Id}/links", Ct), HttpStatusCode.OK);
        var tokenId = links.EnumerateArray().First().GetProperty("tokens").EnumerateArray().Single().Str("id");

        await ApiAssert.JsonAsync(await platform.DeleteAsync($"/api/v1/tenants/{setup.Slug}/tokens/{tokenId}", Ct), HttpStatusCode.OK);
        Assert.False(await LinkAssert.IsActiveAsync(platform, setup.Skill, tokens[2]));
        Assert.True(await LinkAssert.IsActiveAsync(platform, setup.Skill, tokens[1]));

        await ApiAssert.JsonAsync(await platform.PostAsync($"/api/v1/tenants/{setup.Slug}/users/{setup.User.Id}/revoke", null, Ct), HttpStatusCode.OK);
        Assert.False(await LinkAssert.IsActiveAsync(platform, setup.Skill, tokens[1]));
        Assert.Equal(3, (await LinkAssert.AuditAsync(platform, setup.Slug, "token.revoked")).Count);
    }
}
