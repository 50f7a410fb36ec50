using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using AlexaLinkHub.SkillBackend.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace AlexaLinkHub.SkillBackend.Tests;

public sealed class AlexaRequestVerifierTests
{
    [Theory]
    [InlineData("https://s3.amazonaws.com/echo.api/echo-api-cert.pem")]
    [InlineData("https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem")]
    [InlineData("https://S3.AMAZONAWS.COM/echo.api/../echo.api/echo-api-cert.pem")]
    [InlineData("HTTPS://s3.amazonaws.com/echo.api/echo-api-cert.pem")]
    public void CertificateUrl_AmazonsLocation_IsAccepted(string url) =>
        Assert.Equal("s3.amazonaws.com", AlexaRequestVerifier.CertificateUrl(url).Host);

    [Theory]
    [InlineData("http://s3.amazonaws.com/echo.api/echo-api-cert.pem")]
    [InlineData("https://notamazon.com/echo.api/echo-api-cert.pem")]
    [InlineData("https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem")]
    [InlineData("https://s3.amazonaws.com/invalid.path/echo-api-cert.pem")]
    [InlineData("https://s3.amazonaws.com/echo.api/../invalid.path/echo-api-cert.pem")]
    [InlineData("https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem")]
    [InlineData("not a url")]
    public void CertificateUrl_AnyOtherLocation_IsRefused(string url) =>
        Assert.Throws<BadHttpRequestException>(() => AlexaRequestVerifier.CertificateUrl(url));

    /// <summary>The Car Fu sample with Amazon's signature check on (its default), for requests that fail before any
    /// certificate is fetched.</summary>
    private static CarFuHost StartVerifyingSample() => CarFuHost.Start(new Dictionary<string, string?>
    {
        ["ALEXALINKHUB_ISSUER"] = "https://link.example.com/t/carfu",
        ["ALEXALINKHUB_CLIENT_ID"] = "carfu",
        ["ALEXALINKHUB_CLIENT_SECRET"] = "secret",
    });

    [Fact]
    public async Task SignedLookingRequest_WithAForeignCertificateUrl_IsRefusedWithoutFetchingIt()
    {
        await using var sample = StartVerifyingSample();
        using var skill = sample.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/alexa") { Content = JsonContent.Create(Envelopes.Create("LaunchRequest", null)) };
        request.Headers.Add("SignatureCertChainUrl", "https://evil.example.com/echo.api/cert.pem");
        request.Headers.Add("Signature-256", Convert.ToBase64String(new byte[256]));

        var response = await skill.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Request_WithAStaleTimestamp_IsRefused()
    {
        await using var sample = StartVerifyingSample();
        using var skill = sample.CreateClient();
        var envelope = Envelopes.Create("LaunchRequest", null);
        envelope["request"]!["timestamp"] = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/alexa") { Content = JsonContent.Create(envelope) };
        request.Headers.Add("SignatureCertChainUrl", "https://s3.amazonaws.com/echo.api/echo-api-cert.pem");
        request.Headers.Add("Signature-256", Convert.ToBase64String(new byte[256]));

        var response = await skill.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

/// <summary>The signature check itself, with a certificate chain made here: Amazon's bucket cannot be reached from this
/// machine, so a handler stands in for it and serves the chain at Amazon's URL, and the chain's root is the trusted
/// one. Everything after the download — chain, name, validity, RSA SHA-256 over the raw body — is the real code.</summary>
public sealed class AlexaSignatureTests : IDisposable
{
    private const string CertificateUrl = "https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem";

    private readonly X509Certificate2 _root = CreateRoot("Test Alexa Root");
    private readonly RSA _leafKey = RSA.Create(2048);

    [Fact]
    public async Task Verify_ABodySignedByAmazonsCertificate_Passes()
    {
        var (verifier, body, headers, envelope) = Arrange(CreateLeaf("echo-api.amazon.com"));

        await verifier.VerifyAsync(headers, body, envelope, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Verify_ABodyChangedAfterSigning_IsRefused()
    {
        var (verifier, body, headers, envelope) = Arrange(CreateLeaf("echo-api.amazon.com"));
        body[^2] ^= 1;

        await Assert.ThrowsAsync<BadHttpRequestException>(() => verifier.VerifyAsync(headers, body, envelope, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Verify_ACertificateForAnotherName_IsRefused()
    {
        var (verifier, body, headers, envelope) = Arrange(CreateLeaf("evil.example.com"));

        var refused = await Assert.ThrowsAsync<BadHttpRequestException>(() => verifier.VerifyAsync(headers, body, envelope, TestContext.Current.CancellationToken));
        Assert.Contains("echo-api.amazon.com", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ACertificateThatDoesNotChainToATrustedRoot_IsRefused()
    {
        using var stranger = CreateRoot("Someone Else's Root");
        var (verifier, body, headers, envelope) = Arrange(CreateLeaf("echo-api.amazon.com"), trusted: stranger);

        var refused = await Assert.ThrowsAsync<BadHttpRequestException>(() => verifier.VerifyAsync(headers, body, envelope, TestContext.Current.CancellationToken));
        Assert.Contains("trusted root", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AnExpiredCertificate_IsRefused()
    {
        var (verifier, body, headers, envelope) = Arrange(CreateLeaf("echo-api.amazon.com", DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(-1)));

        var refused = await Assert.ThrowsAsync<BadHttpRequestException>(() => verifier.VerifyAsync(headers, body, envelope, TestContext.Current.CancellationToken));
        Assert.Contains("not valid now", refused.Message, StringComparison.Ordinal);
    }

    private (AlexaRequestVerifier, byte[], HeaderDictionary, JsonElement) Arrange(
        X509Certificate2 leaf, X509Certificate2? trusted = null)
    {
        var pem = leaf.ExportCertificatePem() + "\n" + _root.ExportCertificatePem() + "\n";
        var verifier = new AlexaRequestVerifier(new AmazonBucketStandIn(CertificateUrl, pem), TimeProvider.System, [trusted ?? _root]);
        var body = Encoding.UTF8.GetBytes(Envelopes.Create("LaunchRequest", null).ToJsonString());
        var headers = new HeaderDictionary
        {
            ["SignatureCertChainUrl"] = CertificateUrl,
            ["Signature-256"] = Convert.ToBase64String(_leafKey.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)),
        };
        using var document = JsonDocument.Parse(body);
        return (verifier, body, headers, document.RootElement.Clone());
    }

    private static X509Certificate2 CreateRoot(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-60), DateTimeOffset.UtcNow.AddYears(1));
    }

    private X509Certificate2 CreateLeaf(string dnsName, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        var request = new CertificateRequest($"CN={dnsName}", _leafKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(dnsName);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        return request.Create(_root, notBefore ?? DateTimeOffset.UtcNow.AddDays(-1), notAfter ?? DateTimeOffset.UtcNow.AddDays(30), Guid.NewGuid().ToByteArray()[..8]);
    }

    public void Dispose()
    {
        _root.Dispose();
        _leafKey.Dispose();
    }

    /// <summary>Serves the chain at Amazon's certificate URL (and nothing else), as S3 would.</summary>
    private sealed class AmazonBucketStandIn(string url, string pem) : HttpMessageHandler, IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(request.RequestUri?.AbsoluteUri == url
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(pem) }
                : new HttpResponseMessage(HttpStatusCode.NotFound));
    }
}
