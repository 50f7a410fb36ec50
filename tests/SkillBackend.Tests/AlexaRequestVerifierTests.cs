using System.Net;
using System.Net.Http.Json;
using AlexaLinkHub.SkillBackend.Tests.Support;

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
        Assert.Throws<Microsoft.AspNetCore.Http.BadHttpRequestException>(() => AlexaRequestVerifier.CertificateUrl(url));

    [Fact]
    public async Task SignedLookingRequest_WithAForeignCertificateUrl_IsRefusedWithoutFetchingIt()
    {
        await using var sample = CarFuHost.Start(new Dictionary<string, string?>
        {
            ["ALEXALINKHUB_ISSUER"] = "https://link.example.com/t/carfu",
            ["ALEXALINKHUB_CLIENT_ID"] = "carfu",
            ["ALEXALINKHUB_CLIENT_SECRET"] = "secret",
        });
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
        await using var sample = CarFuHost.Start(new Dictionary<string, string?>
        {
            ["ALEXALINKHUB_ISSUER"] = "https://link.example.com/t/carfu",
            ["ALEXALINKHUB_CLIENT_ID"] = "carfu",
            ["ALEXALINKHUB_CLIENT_SECRET"] = "secret",
        });
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
