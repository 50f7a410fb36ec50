using System.Net;
using AlexaLinkHub.Application.Webhooks;
using AlexaLinkHub.Infrastructure.Webhooks;
using AlexaLinkHub.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AlexaLinkHub.Infrastructure.IntegrationTests.Webhooks;

/// <summary>The outbound side against a real receiver on 127.0.0.1: headers and signature, no redirects, a time limit,
/// and the connect-time guard.</summary>
public sealed class WebhookTransportTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<AppServices> AppAsync(bool allowLoopback, string timeout = "00:00:10") =>
        AppServices.CreateAsync(settings: [new("Webhooks:AllowLoopback", allowLoopback.ToString()), new("Webhooks:Timeout", timeout)]);

    private static async Task<WebhookResponse> SendAsync(AppServices app, string url, string body = """{"type":"webhook.test"}""")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var request = new WebhookRequest(url, "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", DateTimeOffset.FromUnixTimeSeconds(1674087231), body, Secret);
        return await scope.ServiceProvider.GetRequiredService<IWebhookTransport>().SendAsync(request, Ct);
    }

    [Fact]
    public async Task Send_ToReceiver_PostsTheBodyWithStandardWebhooksHeaders()
    {
        await using var app = await AppAsync(allowLoopback: true);
        await using var receiver = await WebhookReceiver.StartAsync();
        const string body = """{"type":"account.linked","data":{"clientId":"carfu","scopes":["order_car"]}}""";

        var response = await SendAsync(app, receiver.Url(), body);

        Assert.Equal((204, (string?)null), (response.StatusCode, response.Error));
        var received = Assert.Single(receiver.Received);
        Assert.Equal(body, received.Body);
        Assert.Equal("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", received.Header("webhook-id"));
        Assert.Equal("1674087231", received.Header("webhook-timestamp"));
        Assert.True(StandardWebhooks.Verify(Secret, received));
        Assert.StartsWith("v1,", received.Header("webhook-signature"), StringComparison.Ordinal);
        Assert.Equal(received.Header("webhook-signature"), WebhookSignature.Sign(Secret, "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", 1674087231, body));
    }

    [Fact]
    public void Sign_StandardWebhooksExample_MatchesTheSpecification() =>
        // The test vector of the Standard Webhooks reference libraries.
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            WebhookSignature.Sign(Secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}"""));

    [Fact]
    public async Task Send_ReceiverRedirects_IsAFailedAttemptAndTheRedirectIsNotFollowed()
    {
        await using var app = await AppAsync(allowLoopback: true);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.AnswerRedirect(receiver.Url("/elsewhere"));

        var response = await SendAsync(app, receiver.Url());

        Assert.Equal(302, response.StatusCode);
        Assert.Equal(["/hook"], receiver.Received.Select(r => r.Path));
    }

    [Fact]
    public async Task Send_ReceiverDoesNotAnswer_TimesOutWithoutAStatus()
    {
        await using var app = await AppAsync(allowLoopback: true, timeout: "00:00:00.500");
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.AnswerNever();

        var response = await SendAsync(app, receiver.Url());

        Assert.Null(response.StatusCode);
        Assert.Equal("No answer within 0.5 s.", response.Error);
    }

    [Fact]
    public async Task Send_LoopbackWithoutAllowLoopback_IsRefusedAndNothingArrives()
    {
        await using var app = await AppAsync(allowLoopback: false);
        await using var receiver = await WebhookReceiver.StartAsync();

        var response = await SendAsync(app, receiver.Url());

        Assert.Null(response.StatusCode);
        Assert.StartsWith("Refused:", response.Error, StringComparison.Ordinal);
        Assert.Empty(receiver.Received);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task WebhookClient_ConnectingToLoopbackWithoutAllowLoopback_IsRefusedAtConnectTime(string host)
    {
        // Past the URL check (a public-looking name can still resolve to loopback): the connection itself is refused.
        await using var app = await AppAsync(allowLoopback: false);
        await using var receiver = await WebhookReceiver.StartAsync();
        var client = app.Services.GetRequiredService<IHttpClientFactory>().CreateClient("webhooks");
        var port = new Uri(receiver.BaseUrl).Port;

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync($"http://{host}:{port}/hook", Ct));

        Assert.IsType<WebhookAddressRefusedException>(error.InnerException);
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task WebhookClient_WithAllowLoopback_Connects()
    {
        await using var app = await AppAsync(allowLoopback: true);
        await using var receiver = await WebhookReceiver.StartAsync();
        var client = app.Services.GetRequiredService<IHttpClientFactory>().CreateClient("webhooks");

        using var response = await client.PostAsync(receiver.Url(), new StringContent("{}"), Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Single(receiver.Received);
    }
}
