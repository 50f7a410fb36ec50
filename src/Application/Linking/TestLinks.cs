using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Skills;

namespace AlexaLinkHub.Application.Linking;

/// <summary>What the console's "Test this skill" puts in the authorization request's <c>state</c>: which tenant, skill
/// and admin started it, and until when it may be used. The console-owned redirect URI is accepted only with a state
/// that reads back to a ticket of the request's tenant and client (docs/decisions/021).</summary>
public sealed record TestLinkTicket(Guid TenantId, string ClientId, Guid AdminId, DateTimeOffset ExpiresAt);

/// <summary>Issues and reads test tickets (tamper-proof, purpose-bound); a forged, altered or foreign state reads as null.</summary>
public interface ITestLinkTickets
{
    string Issue(TestLinkTicket ticket);

    /// <summary>The ticket the state carries, if it is one of ours and still valid at <paramref name="now"/>.</summary>
    TestLinkTicket? Read(string? state, DateTimeOffset now);
}

/// <summary>The console's calls to the real OAuth endpoints of the tenant in scope, authenticated as the skill with a
/// short-lived console credential (the skill's own secret is never stored in the clear): the answers, as the endpoints
/// wrote them.</summary>
public interface ITestLinkProbe
{
    Task<ProbeAnswer> RedeemCodeAsync(string clientId, string code, string redirectUri, CancellationToken cancellationToken);

    Task<ProbeAnswer> IntrospectAsync(string clientId, string accessToken, CancellationToken cancellationToken);

    Task<ProbeAnswer> UserInfoAsync(string accessToken, CancellationToken cancellationToken);
}

/// <summary>An endpoint's HTTP status and JSON body.</summary>
public sealed record ProbeAnswer(int Status, string Json);

public static class TestLinkAddresses
{
    /// <summary>The console's test redirect URI for a tenant: <c>{base}/admin/t/{slug}/test-link</c>.</summary>
    public static string TestRedirectUri(this IPublicUrls urls, string slug) =>
        $"{urls.BaseUrl.GetLeftPart(UriPartial.Authority)}{urls.BaseUrl.AbsolutePath.TrimEnd('/')}/admin/t/{Uri.EscapeDataString(slug)}/{ConsoleTestLink.PathSegment}";
}
