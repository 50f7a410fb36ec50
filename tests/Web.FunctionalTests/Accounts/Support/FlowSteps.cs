using System.Net;
using AlexaLinkHub.Web.FunctionalTests.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace AlexaLinkHub.Web.FunctionalTests.Accounts.Support;

/// <summary>The steps of the link flow around the account pages, each asserted where it lands.</summary>
public static class FlowSteps
{
    /// <summary>Opens the Alexa app's authorization request without a session: it must land on the login page with
    /// the request to resume in returnUrl.</summary>
    public static async Task<Page> OpenLoginAsync(this PageClient browser, AccountScenario scenario)
    {
        var start = await browser.GetAsync(scenario.AuthorizeUrl);
        Assert.Equal(HttpStatusCode.Found, start.Status);
        Assert.Equal(scenario.PageUrl("login"), start.Location!.PathAndQuery);
        var login = await browser.FollowAsync(start);
        Assert.Equal(HttpStatusCode.OK, login.Status);
        return login;
    }

    /// <summary>From a redirect back to the authorization request (after sign-up, reset or confirmation): the consent
    /// page, then "Allow", then the redirect to Alexa. Returns the fragment of that redirect.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ResumeAndAllowAsync(this PageClient browser, Page redirectToAuthorize, AccountScenario scenario)
    {
        Assert.Equal(HttpStatusCode.Found, redirectToAuthorize.Status);
        Assert.Equal(scenario.AuthorizeUrl, redirectToAuthorize.Location!.PathAndQuery);
        var consent = await browser.FollowAsync(redirectToAuthorize);
        Assert.Equal(HttpStatusCode.OK, consent.Status);
        Assert.Contains($"Link {AccountScenario.SkillName} with your {AccountScenario.TenantName} account?", consent.Text, StringComparison.Ordinal);
        var allowed = await browser.SubmitAsync(consent, new Dictionary<string, string> { ["decision"] = "allow" });
        return AssertAmazonRedirect(allowed);
    }

    /// <summary>A 302 to the skill's Alexa redirect URL with the implicit grant's token and the request's exact state
    /// in the fragment (RFC 6749 §4.2.2). Returns the fragment.</summary>
    public static IReadOnlyDictionary<string, string> AssertAmazonRedirect(Page answer)
    {
        Assert.True(answer.Status == HttpStatusCode.Found, $"Expected the redirect to Alexa, got {(int)answer.Status}:{Environment.NewLine}{answer.Html}");
        var location = answer.Location!.ToString();
        Assert.StartsWith(SkillBodies.PitanguiRedirect + "#", location, StringComparison.Ordinal);
        var fragment = QueryHelpers.ParseQuery(location[location.IndexOf('#', StringComparison.Ordinal)..].TrimStart('#'))
            .ToDictionary(p => p.Key, p => p.Value.ToString());
        Assert.Equal("Bearer", fragment["token_type"]);
        Assert.Equal(AccountScenario.State, fragment["state"]);
        Assert.False(string.IsNullOrEmpty(fragment["access_token"]));
        return fragment;
    }

    /// <summary>The form fields of the sign-up page.</summary>
    public static Dictionary<string, string> SignUpFields(string email, string password = AccountScenario.Password, string name = "Nia New") =>
        new() { ["Input.Email"] = email, ["Input.Name"] = name, ["Input.Password"] = password };

    public static Dictionary<string, string> LoginFields(string email, string password = AccountScenario.Password) =>
        new() { ["Input.Email"] = email, ["Input.Password"] = password };

    /// <summary>The returnUrl a tenant-page link carries.</summary>
    public static string? ReturnUrlOf(string href) =>
        QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), href).Query).TryGetValue("returnUrl", out var value) ? value.ToString() : null;
}
