using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AlexaLinkHub.Infrastructure.Persistence;

/// <summary>Uses the data-protection key ring at startup and every few hours, so that the ring's own key creation (the
/// first key, and each rotation a couple of days before a key expires) happens here — never inside a command's SQLite
/// write transaction, where inserting the key from another connection would wait for that very transaction.</summary>
internal sealed partial class DataProtectionKeyRingRefresher(IDataProtectionProvider protection, ILogger<DataProtectionKeyRingRefresher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var protector = protection.CreateProtector("AlexaLinkHub.KeyRingRefresh");
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                protector.Unprotect(protector.Protect([1]));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRefreshFailed(logger, ex.GetType().Name);
            }

            try
            {
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the data-protection key ring failed ({Error}); retrying later.")]
    private static partial void LogRefreshFailed(ILogger logger, string error);
}
