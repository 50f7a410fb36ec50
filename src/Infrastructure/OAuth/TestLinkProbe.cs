using System.Net.Http.Headers;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.OAuth;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Linking;

namespace AlexaLinkHub.Infrastructure.OAuth;

/// <summary>The console's test calls go to the tenant's real endpoints over HTTP, at the public base URL — the same
/// pipeline, handlers and answers a skill backend gets (nothing re-implemented). The skill is authenticated with a
/// console credential (<see cref="ConsoleClientCredentials"/>), as HTTP Basic like Alexa's recommended scheme.</summary>
internal sealed class TestLinkProbe(IHttpClientFactory http, IPublicUrls urls, ITenantContext scope, ConsoleClientCredentials credentials) : ITestLinkProbe
{
    public const string ClientName = "console-test-probe";

    public Task<ProbeAnswer> RedeemCodeAsync(string clientId, string code, string redirectUri, CancellationToken cancellationToken) =>
        PostAsClientAsync(OAuthEndpoints.Token, clientId, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
        }, cancellationToken);

    public Task<ProbeAnswer> IntrospectAsync(string clientId, string accessToken, CancellationToken cancellationToken) =>
        PostAsClientAsync(OAuthEndpoints.Introspection, clientId, new Dictionary<string, string> { ["token"] = accessToken }, cancellationToken);

    public async Task<ProbeAnswer> UserInfoAsync(string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, urls.TenantUrl(scope.TenantSlug!, OAuthEndpoints.UserInfo));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await SendAsync(request, cancellationToken);
    }

    private async Task<ProbeAnswer> PostAsClientAsync(string endpoint, string clientId, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, urls.TenantUrl(scope.TenantSlug!, endpoint)) { Content = new FormUrlEncodedContent(form) };
        var secret = credentials.Issue(scope.RequiredTenantId, clientId);
        // RFC 6749 §2.3.1: both parts form-encoded before Base64.
        var basic = $"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}";
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(basic)));
        return await SendAsync(request, cancellationToken);
    }

    private async Task<ProbeAnswer> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var client = http.CreateClient(ClientName);
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return new ProbeAnswer((int)response.StatusCode, body.Length == 0 ? "{}" : body);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The public base URL is not reachable from the server itself (a proxy without hairpin, say): shown, not a 500.
            var error = System.Text.Json.JsonSerializer.Serialize(new { error = $"The console could not reach {request.RequestUri!.GetLeftPart(UriPartial.Path)}." });
            return new ProbeAnswer(0, error);
        }
    }
}
