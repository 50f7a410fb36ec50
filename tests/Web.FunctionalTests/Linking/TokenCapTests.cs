using System.Net;
using System.Text.Json;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Linking;

/// <summary>Relinking keeps the user's earlier tokens for the skill (a household may link one vendor account from two
/// Amazon accounts) up to <c>Linking:MaxLiveLinksPerUserAndSkill</c> (default 5); beyond it the oldest is revoked.</summary>
public sealed class TokenCapTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Links <paramref name="times"/> times in one browser (signed in once, then straight to consent).</summary>
    private static async Task<List<string>> LinkRepeatedlyAsync(AlexaLinkHubFactory factory, LinkSetup setup, int times)
    {
        using var browser = LinkFlowClient.Create(factory);
        var tokens = new List<string>();
        for (var i = 0; i < times; i++)
        {
            var response = await browser.LinkAsync(setup.AuthorizeUrl($"state-{i}"), setup.User.Email, setup.User.Password);
            var redirect = LinkAssert.FragmentRedirect(response, setup.Skill.RedirectUri);
            Assert.Equal($"state-{i}", redirect["state"]);
            tokens.Add(redirect["access_token"]);
        }
        Assert.Equal(times, tokens.Distinct(StringComparer.Ordinal).Count());
        return tokens;
    }

    private static async Task<List<bool>> ActivityAsync(HttpClient http, RegisteredSkill skill, IEnumerable<string> tokens)
    {
        var active = new List<bool>();
        foreach (var token in tokens)
            active.Add(await LinkAssert.IsActiveAsync(http, skill, token));
        return active;
    }

    [Fact]
    public async Task Link_SixTimesWithTheDefaultCap_RevokesOnlyTheFirstToken()
    {
        var setup = await api.Platform.ArrangeLinkAsync();

        var tokens = await LinkRepeatedlyAsync(api.Factory, setup, 6);

        Assert.Equal([false, true, true, true, true, true], await ActivityAsync(api.Platform, setup.Skill, tokens));
        var links = (await ApiAssert.JsonAsync(await api.Platform.GetAsync($"/api/v1/tenants/{setup.Slug}/users/{setup.User.Id}/links", Ct), HttpStatusCode.OK))
            .EnumerateArray().ToList();
        Assert.Equal(6, links.Count);
        var oldest = links[^1];
        Assert.Equal("token_cap", oldest.Str("revokedReason"));
        Assert.All(links.Take(5), l => Assert.Equal(JsonValueKind.Null, l.GetProperty("revokedAt").ValueKind));
        var revoked = Assert.Single(await LinkAssert.AuditAsync(api.Platform, setup.Slug, "token.revoked"));
        Assert.EndsWith($"linkId={oldest.GetProperty("id").GetGuid()}; reason=token_cap", revoked.Str("details"), StringComparison.Ordinal);
        Assert.Equal(6, (await LinkAssert.AuditAsync(api.Platform, setup.Slug, "account.linked")).Count);
    }

    [Fact]
    public async Task Link_CapCountsPerSkill_AnotherSkillsLinksAreNotTouched()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        var other = setup with { Skill = await api.Platform.RegisterLinkSkillAsync(setup.Slug) };
        var otherToken = await api.Factory.LinkForTokenAsync(other);

        var tokens = await LinkRepeatedlyAsync(api.Factory, setup, 5);

        Assert.Equal([true, true, true, true, true], await ActivityAsync(api.Platform, setup.Skill, tokens));
        Assert.True(await LinkAssert.IsActiveAsync(api.Platform, other.Skill, otherToken));
        Assert.Empty(await LinkAssert.AuditAsync(api.Platform, setup.Slug, "token.revoked"));
    }

    [Fact]
    public async Task Link_WithTheCapSetToTwo_KeepsTheNewestTwo()
    {
        await using var factory = await AlexaLinkHubFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Linking:MaxLiveLinksPerUserAndSkill"] = "2" });
        using var platform = factory.CreateApiClient();
        var setup = await platform.ArrangeLinkAsync();

        var tokens = await LinkRepeatedlyAsync(factory, setup, 4);

        Assert.Equal([false, false, true, true], await ActivityAsync(platform, setup.Skill, tokens));
        Assert.Equal(2, (await LinkAssert.AuditAsync(platform, setup.Slug, "token.revoked")).Count);
    }
}
