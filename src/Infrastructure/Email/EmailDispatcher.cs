using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Infrastructure.Email;

/// <summary>Delivers the email outbox off the request path. Each due email is first claimed with a conditional update
/// (a lease), so several instances never send the same email twice; a failure is retried with backoff.</summary>
internal sealed partial class EmailDispatcher(
    IServiceScopeFactory scopes,
    EmailTransport transport,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<EmailDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DeliverNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may not be migrated yet, or briefly unreachable: try again on the next tick.
                LogDispatchFailed(logger, ex.GetType().Name);
            }

            try
            {
                // Real time between polls even under a test clock: "due" is decided by the clock, the pacing is not.
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Claims and sends one due email. False when none is due.</summary>
    internal async Task<bool> DeliverNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();

        var due = await db.Set<OutboundEmail>()
            .Where(e => e.SentAt == null && e.FailedAt == null && e.NextAttemptAt <= now)
            .OrderBy(e => e.NextAttemptAt)
            .Select(e => new { e.Id, e.NextAttemptAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (due is null)
            return false;

        var claimed = await db.Set<OutboundEmail>()
            .Where(e => e.Id == due.Id && e.NextAttemptAt == due.NextAttemptAt && e.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.NextAttemptAt, now + Lease), cancellationToken);
        if (claimed == 0)
            return true; // another instance took it; look for the next one

        var email = await db.Set<OutboundEmail>().SingleAsync(e => e.Id == due.Id, cancellationToken);
        try
        {
            await transport.SendAsync(email, cancellationToken);
            email.SentAt = clock.GetUtcNow();
            email.Attempts++;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            email.RecordFailure($"{ex.GetType().Name}: {ex.Message}", clock.GetUtcNow());
            LogSendFailed(logger, email.Id, email.Attempts, ex.GetType().Name);
        }
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email dispatch skipped this round ({Error}).")]
    private static partial void LogDispatchFailed(ILogger logger, string error);

    // Never the address or the body: an email may carry a reset link.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending email {EmailId} failed (attempt {Attempts}): {Error}.")]
    private static partial void LogSendFailed(ILogger logger, Guid emailId, int attempts, string error);
}
