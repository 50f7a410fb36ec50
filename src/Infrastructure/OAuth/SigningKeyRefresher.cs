using AlexaLinkHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Infrastructure.OAuth;

/// <summary>Every <c>OAuth:SigningKeys:RefreshInterval</c>: learns of keys another instance added (it publishes them
/// before they sign, so nothing is missed), and starts the scheduled rotation once the signing key is
/// <c>RotateEvery</c> old — the next key is published now and signs after <c>ActivationDelay</c>.</summary>
internal sealed partial class SigningKeyRefresher(
    SigningKeyRing ring, IServiceScopeFactory scopes, IOptions<OAuthOptions> options, TimeProvider clock, ILogger<SigningKeyRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.SigningKeys;
        if (!string.IsNullOrWhiteSpace(options.Value.SigningCertificate.Path))
            return;
        if (settings.ActivationDelay < settings.RefreshInterval)
            LogShortDelay(logger, settings.ActivationDelay, settings.RefreshInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(settings.RefreshInterval, clock, stoppingToken);
                await ring.RefreshAsync(stoppingToken);
                var newest = ring.Keys[^1];
                if (clock.GetUtcNow() - newest.ActivatesAt >= settings.RotateEvery)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<SigningKeyStore>().RotateCoreAsync(settings.ActivationDelay, stoppingToken);
                    LogRotated(logger, ring.Keys[^1].KeyId);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or TimeoutException)
            {
                LogRefreshFailed(logger, ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "OAuth:SigningKeys:ActivationDelay ({Delay}) is shorter than RefreshInterval ({Interval}): another instance may see tokens signed with a key it has not read yet.")]
    private static partial void LogShortDelay(ILogger logger, TimeSpan delay, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled signing-key rotation: {KeyId} is published and signs after the activation delay.")]
    private static partial void LogRotated(ILogger logger, string keyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the signing keys failed ({Error}); retrying later.")]
    private static partial void LogRefreshFailed(ILogger logger, string error);
}
