using System.Net;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Fleet.Support;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;
using AlexaLinkHub.Web.FunctionalTests.Support;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace AlexaLinkHub.Web.FunctionalTests.Fleet;

/// <summary>Issue 15 (4): with <c>App:PublicBaseUrl</c> configured the issuer is <c>{App:PublicBaseUrl}/t/{slug}</c>
/// whatever Host a request carries, so a token linked through instance A's own address works at instance B under
/// another name.</summary>
public sealed class PublicIssuerTests
{
    private const string PublicBase = "https://link.example.test";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TokenLinkedThroughOneHostName_IsActiveUnderAnotherOnTheOtherInstance()
    {
        await using var fleet = await TwoInstances.StartAsync(new Dictionary<string, string?> { ["App:PublicBaseUrl"] = PublicBase });
        using var platform = fleet.A.CreateApiClient();
        var setup = await platform.ArrangeLinkAsync();
        var cookies = new CookieContainer();
        using var viaA = new LinkFlowClient(fleet.A.CreateDefaultClient(new Uri("http://instance-a.internal:8080"), new CookieContainerHandler(cookies)), cookies);

        var linked = await viaA.LinkAsync(setup.AuthorizeUrl(), setup.User.Email, setup.User.Password);
        var redirect = LinkAssert.FragmentRedirect(linked, setup.Skill.RedirectUri);
        // RFC 9207: the authorization response names the issuer, the public one.
        Assert.Equal($"{PublicBase}/t/{setup.Slug}", redirect["iss"]);

        using var atB = fleet.B.CreateClient(new() { BaseAddress = new Uri("http://10.1.2.3:5000") });
        Assert.True(await LinkAssert.IsActiveAsync(atB, setup.Skill, redirect["access_token"]));
        Assert.Equal(HttpStatusCode.OK, (await LinkAssert.UserInfoAsync(atB, setup.Slug, redirect["access_token"])).StatusCode);
        foreach (var (instance, host) in new[] { (fleet.A, "http://localhost"), (fleet.B, "http://other-name.example") })
        {
            using var http = instance.CreateClient(new() { BaseAddress = new Uri(host) });
            var discovery = await ApiAssert.JsonAsync(await http.GetAsync($"/t/{setup.Slug}/.well-known/openid-configuration", Ct), HttpStatusCode.OK);
            Assert.Equal($"{PublicBase}/t/{setup.Slug}", discovery.Str("issuer"));
            Assert.Equal($"{PublicBase}/t/{setup.Slug}/connect/introspect", discovery.Str("introspection_endpoint"));
        }
    }
}
