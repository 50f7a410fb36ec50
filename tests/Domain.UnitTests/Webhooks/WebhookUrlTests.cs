using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.Webhooks;

namespace AlexaLinkHub.Domain.UnitTests.Webhooks;

public class WebhookUrlTests
{
    [Theory]
    [InlineData("https://hooks.carfu.example/alexa-link")]
    [InlineData("https://hooks.carfu.example:8443/alexa-link?tenant=7")]
    [InlineData("https://93.184.215.14/hook")]
    public void Validate_PublicHttpsUrl_IsAccepted(string url) =>
        Assert.Equal(url, WebhookUrl.Validate($"  {url} ", allowLoopback: false));

    [Theory]
    [InlineData("http://hooks.carfu.example/alexa-link", "https")]
    [InlineData("http://127.0.0.1:5000/hook", "https")]
    [InlineData("ftp://hooks.carfu.example/hook", "https")]
    [InlineData("https://10.0.0.1/hook", "private, loopback or link-local")]
    [InlineData("https://169.254.169.254/latest/meta-data", "private, loopback or link-local")]
    [InlineData("https://[fd00::1]/hook", "private, loopback or link-local")]
    [InlineData("https://127.0.0.1/hook", "loopback")]
    [InlineData("https://[::1]/hook", "loopback")]
    [InlineData("https://localhost/hook", "loopback")]
    [InlineData("https://user:pass@hooks.carfu.example/hook", "user name or password")]
    [InlineData("https://hooks.carfu.example/hook#part", "fragment")]
    [InlineData("/relative/hook", "absolute")]
    [InlineData("", "required")]
    [InlineData("https://hooks.carfu.example/a b", "spaces")]
    public void Validate_WithoutAllowLoopback_RefusesNamingTheRule(string url, string message)
    {
        var error = Assert.Throws<DomainException>(() => WebhookUrl.Validate(url, allowLoopback: false));

        Assert.Equal("url", error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/hook")]
    [InlineData("http://[::1]:5000/hook")]
    [InlineData("http://localhost:5000/hook")]
    [InlineData("https://127.0.0.1:5001/hook")]
    public void Validate_LoopbackWithAllowLoopback_IsAccepted(string url) =>
        Assert.Equal(url, WebhookUrl.Validate(url, allowLoopback: true));

    [Theory]
    [InlineData("http://hooks.carfu.example/hook")]
    [InlineData("http://10.0.0.1/hook")]
    [InlineData("https://10.0.0.1/hook")]
    [InlineData("https://169.254.169.254/hook")]
    public void Validate_AllowLoopback_StillRefusesPlainHttpElsewhereAndPrivateAddresses(string url) =>
        Assert.Throws<DomainException>(() => WebhookUrl.Validate(url, allowLoopback: true));
}
