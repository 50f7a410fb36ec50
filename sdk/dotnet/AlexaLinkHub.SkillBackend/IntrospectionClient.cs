using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AlexaLinkHub.SkillBackend;

/// <summary>RFC 7662 introspection at the tenant's endpoint (<c>{issuer}/connect/introspect</c>, part of AlexaLinkHub's
/// public URL contract), authenticated as the skill with HTTP Basic. Anything but a clean 200 is an
/// <see cref="AlexaLinkHubUnavailableException"/>.</summary>
internal sealed class IntrospectionClient(HttpClient http, AlexaLinkHubOptions options)
{
    public const string HttpClientName = "AlexaLinkHub.Introspection";

    public Uri Endpoint { get; } = new(NormaliseIssuer(options.Issuer) + "/connect/introspect");

    // RFC 6749 §2.3.1: client id and secret are form-urlencoded before they are joined for HTTP Basic.
    private readonly AuthenticationHeaderValue _authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(
        $"{WebUtility.UrlEncode(options.ClientId)}:{WebUtility.UrlEncode(options.ClientSecret)}")));

    public async Task<JsonElement> IntrospectAsync(string token, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new FormUrlEncodedContent([new("token", token), new("token_type_hint", "access_token")]),
        };
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            var status = (int)response.StatusCode;
            if (status >= 500)
                throw new AlexaLinkHubUnavailableException(UnavailableReason.ServerError, $"AlexaLinkHub answered {status}.", status);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
                throw new AlexaLinkHubUnavailableException(UnavailableReason.ClientAuthentication, "AlexaLinkHub refused the skill's client credentials (401 invalid_client).", status);
            if (response.StatusCode != HttpStatusCode.OK)
                throw new AlexaLinkHubUnavailableException(UnavailableReason.UnexpectedResponse, $"AlexaLinkHub answered {status} to introspection.", status);
            return Parse(text);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AlexaLinkHubUnavailableException(UnavailableReason.Timeout, $"AlexaLinkHub did not answer within {options.Timeout.TotalMilliseconds} ms.", inner: ex);
        }
        catch (HttpRequestException ex)
        {
            throw new AlexaLinkHubUnavailableException(UnavailableReason.Network, $"AlexaLinkHub could not be reached ({ex.HttpRequestError}).", inner: ex);
        }
    }

    private static JsonElement Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("active", out var active) && active.ValueKind is JsonValueKind.True or JsonValueKind.False)
                return root.Clone();
        }
        catch (JsonException ex)
        {
            throw new AlexaLinkHubUnavailableException(UnavailableReason.UnexpectedResponse, "The introspection answer is not JSON.", 200, ex);
        }
        throw new AlexaLinkHubUnavailableException(UnavailableReason.UnexpectedResponse, "The introspection answer has no \"active\" member (RFC 7662 §2.2).", 200);
    }

    /// <summary>The issuer without a trailing slash. Plain http only on a loopback host: tokens and the client secret
    /// must not cross a network in clear text.</summary>
    public static string NormaliseIssuer(string issuer)
    {
        if (!Uri.TryCreate(issuer, UriKind.Absolute, out var uri))
            throw new ArgumentException($"The issuer '{issuer}' is not an absolute URL.", nameof(issuer));
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            throw new ArgumentException($"The issuer must be an https: URL (http: only on a loopback address), got '{issuer}'.", nameof(issuer));
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
            throw new ArgumentException($"The issuer must not have a query or fragment, got '{issuer}'.", nameof(issuer));
        return uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }
}
