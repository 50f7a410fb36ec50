using System.Diagnostics;
using System.Net;
using System.Text.Json;
using AlexaLinkHub.Application.LegacySignIns;
using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.Webhooks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Infrastructure.Webhooks;

/// <summary>Asks a vendor's legacy sign-in endpoint whether a password is right: one signed POST (Standard Webhooks
/// headers, exactly as our webhooks), no retry, no redirect, through <see cref="WebhookAddressGuard"/>, within
/// <see cref="LegacySignInOptions.EffectiveTimeout"/>. 200 with the account is a yes, 401 and 404 a no, anything else
/// (a timeout, a 5xx, a 3xx, an unreadable 200) no answer. The password goes in the body only and is never logged.</summary>
internal sealed partial class LegacySignInClient(
    IHttpClientFactory clients,
    IOptions<LegacySignInOptions> options,
    IOptions<Application.Webhooks.WebhookOptions> webhooks,
    TimeProvider clock,
    ILogger<LegacySignInClient> logger) : ILegacySignInClient
{
    public const string ClientName = "legacy-sign-in";
    private const int MaxAnswerBytes = 64 * 1024;

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public async Task<LegacySignInAnswer> SignInAsync(LegacySignInRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            // Checked again at call time: the configuration may have changed since the URL was stored.
            WebhookUrl.Validate(request.Url, webhooks.Value.AllowLoopback);
        }
        catch (DomainException ex)
        {
            return Unavailable(null, $"Refused: {ex.Message}", started);
        }

        var body = JsonSerializer.Serialize(new { email = request.Email, password = request.Password, tenant = request.Tenant }, s_json);
        var messageId = "msg_" + Guid.CreateVersion7().ToString("N");
        using var message = WebhookSignature.SignedPost(request.Url, messageId, clock.GetUtcNow(), body, request.Secret, "AlexaLinkHub-LegacySignIn");
        var timeout = options.Value.EffectiveTimeout;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(message, HttpCompletionOption.ResponseHeadersRead, limit.Token);
            var status = (int)response.StatusCode;
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.NotFound)
                return new LegacySignInAnswer(LegacySignInVerdict.Rejected, status, null, Stopwatch.GetElapsedTime(started));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var why = status is >= 300 and < 400 ? $"answered {status}: redirects are not followed" : $"answered {status}";
                return Unavailable(status, why, started);
            }
            return await ReadAccountAsync(response, started, limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Unavailable(null, $"no answer within {timeout.TotalSeconds:0.#} s", started);
        }
        catch (HttpRequestException ex) when (WebhookAddressGuard.FindRefusal(ex) is { } refusal)
        {
            return Unavailable(null, $"Refused: {refusal.Message}", started);
        }
        catch (HttpRequestException ex)
        {
            return Unavailable(null, $"{ex.HttpRequestError}: could not connect", started);
        }
    }

    private async Task<LegacySignInAnswer> ReadAccountAsync(HttpResponseMessage response, long started, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > MaxAnswerBytes)
            return Unavailable(200, "answered 200 with a body that is too large", started);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxAnswerBytes)
                return Unavailable(200, "answered 200 with a body that is too large", started);
            buffer.Write(chunk, 0, read);
        }
        try
        {
            var account = JsonSerializer.Deserialize<AccountAnswer>(buffer.ToArray(), s_json);
            if (account?.Email is not { Length: > 0 })
                return Unavailable(200, "answered 200 without the account's email", started);
            return new LegacySignInAnswer(LegacySignInVerdict.Accepted, 200, null, Stopwatch.GetElapsedTime(started),
                account.ExternalId?.ToString(), account.Email, account.DisplayName, account.EmailVerified);
        }
        catch (JsonException)
        {
            return Unavailable(200, "answered 200 with a body that is not the account as JSON", started);
        }
    }

    private LegacySignInAnswer Unavailable(int? status, string error, long started)
    {
        LogUnavailable(logger, error);
        return new LegacySignInAnswer(LegacySignInVerdict.Unavailable, status, error, Stopwatch.GetElapsedTime(started));
    }

    // Neither the URL (it may carry a vendor's token) nor the email or password.
    [LoggerMessage(Level = LogLevel.Warning, Message = "The legacy sign-in endpoint gave no usable answer: {Error}")]
    private static partial void LogUnavailable(ILogger logger, string error);

    private sealed record AccountAnswer(JsonElement? ExternalId, string? Email, string? DisplayName, bool? EmailVerified);
}
