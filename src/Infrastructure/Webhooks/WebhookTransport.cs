using System.Diagnostics;
using AlexaLinkHub.Application.Webhooks;
using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.Webhooks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Infrastructure.Webhooks;

/// <summary>POSTs one webhook with the Standard Webhooks headers. Redirects are not followed (a 3xx is a failed attempt),
/// the whole attempt has a time limit, and the connection goes through <see cref="WebhookAddressGuard"/>.</summary>
internal sealed partial class WebhookTransport(IHttpClientFactory clients, IOptions<WebhookOptions> options, ILogger<WebhookTransport> logger) : IWebhookTransport
{
    public const string ClientName = "webhooks";

    public async Task<WebhookResponse> SendAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var started = Stopwatch.GetTimestamp();
        try
        {
            // Checked again at send time: the configuration may have changed since the URL was stored.
            WebhookUrl.Validate(request.Url, settings.AllowLoopback);
        }
        catch (DomainException ex)
        {
            return new WebhookResponse(null, $"Refused: {ex.Message}", TimeSpan.Zero);
        }

        using var message = WebhookSignature.SignedPost(request.Url, request.MessageId, request.Timestamp, request.Payload, request.Secret, "AlexaLinkHub-Webhooks");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return new WebhookResponse((int)response.StatusCode, null, Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(request, $"No answer within {settings.Timeout.TotalSeconds:0.#} s.", started);
        }
        catch (HttpRequestException ex) when (WebhookAddressGuard.FindRefusal(ex) is { } refusal)
        {
            return Failed(request, $"Refused: {refusal.Message}", started);
        }
        catch (HttpRequestException ex)
        {
            return Failed(request, $"{ex.HttpRequestError}: {ex.Message}", started);
        }
    }

    private WebhookResponse Failed(WebhookRequest request, string error, long started)
    {
        LogAttemptFailed(logger, request.MessageId, error);
        return new WebhookResponse(null, error, Stopwatch.GetElapsedTime(started));
    }

    // The message id only: a URL can carry a vendor's token.
    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {MessageId} was not delivered: {Error}")]
    private static partial void LogAttemptFailed(ILogger logger, string messageId, string error);
}
