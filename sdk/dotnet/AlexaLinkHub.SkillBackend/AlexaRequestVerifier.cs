using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AlexaLinkHub.SkillBackend;

/// <summary>Amazon's "verify that the request was sent by Alexa" for a skill hosted as a web service: the
/// <c>SignatureCertChainUrl</c> points into Amazon's bucket, the certificate chain is valid and issued for
/// <c>echo-api.amazon.com</c>, <c>Signature-256</c> is its RSA SHA-256 signature of the raw body, and the request's
/// timestamp is at most 150 seconds away. A failure is a 400 (<see cref="BadHttpRequestException"/>).</summary>
internal sealed class AlexaRequestVerifier(IHttpClientFactory httpClients, TimeProvider clock, X509Certificate2Collection? trustedRoots)
{
    /// <summary>The system's trusted roots, as in production.</summary>
    public AlexaRequestVerifier(IHttpClientFactory httpClients, TimeProvider clock)
        : this(httpClients, clock, null)
    {
    }

    public const string HttpClientName = "AlexaLinkHub.AlexaCertificates";

    private const string CertificateHost = "s3.amazonaws.com";
    private const string CertificatePath = "/echo.api/";
    private const string SubjectName = "echo-api.amazon.com";
    private static readonly TimeSpan TimestampTolerance = TimeSpan.FromSeconds(150);

    private readonly ConcurrentDictionary<string, X509Certificate2> _certificates = new(StringComparer.Ordinal);

    public async Task VerifyAsync(IHeaderDictionary headers, byte[] body, JsonElement envelope, CancellationToken cancellationToken)
    {
        VerifyTimestamp(envelope);
        var url = headers["SignatureCertChainUrl"].ToString();
        var signature = headers["Signature-256"].ToString();
        if (url.Length == 0 || signature.Length == 0)
            throw Refused("Missing SignatureCertChainUrl or Signature-256 header.");
        var certificate = await CertificateAsync(CertificateUrl(url), cancellationToken);

        byte[] signatureBytes;
        try
        {
            signatureBytes = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            throw Refused("Signature-256 is not base64.");
        }
        using var key = certificate.GetRSAPublicKey() ?? throw Refused("The signing certificate has no RSA key.");
        if (!key.VerifyData(body, signatureBytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            throw Refused("The request signature does not match its body.");
    }

    private void VerifyTimestamp(JsonElement envelope)
    {
        if (!envelope.GetProperty("request").TryGetProperty("timestamp", out var value)
            || !DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp))
            throw Refused("The request has no timestamp.");
        if ((clock.GetUtcNow() - timestamp).Duration() > TimestampTolerance)
            throw Refused("The request timestamp is more than 150 seconds away (a replay?).");
    }

    /// <summary>https, host s3.amazonaws.com, port 443, a path under /echo.api/ once dot segments are resolved.</summary>
    internal static Uri CertificateUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || !string.Equals(uri.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(uri.Host, CertificateHost, StringComparison.OrdinalIgnoreCase)
            || uri.Port != 443
            || !uri.AbsolutePath.StartsWith(CertificatePath, StringComparison.Ordinal))
            throw Refused("SignatureCertChainUrl does not point to Amazon's certificate location.");
        return uri;
    }

    private async Task<X509Certificate2> CertificateAsync(Uri url, CancellationToken cancellationToken)
    {
        if (_certificates.TryGetValue(url.AbsoluteUri, out var known) && known.NotAfter > clock.GetUtcNow().UtcDateTime)
            return known;
        string pem;
        try
        {
            pem = await httpClients.CreateClient(HttpClientName).GetStringAsync(url, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw Refused($"Amazon's signing certificate could not be fetched ({ex.HttpRequestError}).");
        }
        var chain = new X509Certificate2Collection();
        try
        {
            chain.ImportFromPem(pem);
        }
        catch (CryptographicException)
        {
            throw Refused("Amazon's signing certificate chain is not PEM.");
        }
        if (chain.Count == 0)
            throw Refused("Amazon's signing certificate chain is empty.");
        var leaf = chain[0];
        var now = clock.GetUtcNow().UtcDateTime;
        if (leaf.NotBefore > now || leaf.NotAfter <= now)
            throw Refused("Amazon's signing certificate is not valid now.");
        if (!leaf.MatchesHostname(SubjectName, allowWildcards: false))
            throw Refused($"The signing certificate is not issued for {SubjectName}.");
        using var builder = new X509Chain();
        builder.ChainPolicy.ExtraStore.AddRange(chain);
        builder.ChainPolicy.VerificationTime = now;
        // Amazon's steps (and the ASK SDKs) check the chain, not revocation lists.
        builder.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (trustedRoots is not null)
        {
            builder.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            builder.ChainPolicy.CustomTrustStore.AddRange(trustedRoots);
        }
        if (!builder.Build(leaf))
            throw Refused("Amazon's signing certificate does not chain to a trusted root.");
        _certificates[url.AbsoluteUri] = leaf;
        return leaf;
    }

    private static BadHttpRequestException Refused(string reason) => new($"Alexa request verification failed: {reason}");
}
