using AlexaLinkHub.Domain.Emails;
using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Application.Emails;
using AlexaLinkHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AlexaLinkHub.Infrastructure.Email;

/// <summary>Sends one outbox email. The email is first claimed with a conditional update (a lease), so two workers —
/// of one instance or of several — never send the same email twice; a failure is retried with backoff
/// (<see cref="OutboundEmail.RecordFailure"/>). The caller's unit of work saves the outcome.</summary>
internal sealed partial class EmailDelivery(AppDbContext db, EmailTransport transport, TimeProvider clock, ILogger<EmailDelivery> logger) : IEmailDelivery
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public async Task<IReadOnlyList<DueDelivery>> ListDueAsync(DateTimeOffset dueBefore, int max, CancellationToken cancellationToken) =>
        await db.Set<OutboundEmail>().AsNoTracking()
            .Where(e => e.SentAt == null && e.FailedAt == null && e.NextAttemptAt <= dueBefore)
            .OrderBy(e => e.NextAttemptAt)
            .Take(max)
            .Select(e => new DueDelivery(e.TenantId, e.Id))
            .ToListAsync(cancellationToken);

    public async Task<DeliveryOutcome> DeliverAsync(Guid emailId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var state = await db.Set<OutboundEmail>().AsNoTracking()
            .Where(e => e.Id == emailId)
            .Select(e => new { e.NextAttemptAt, e.SentAt, e.FailedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (state is null)
            return DeliveryOutcome.NotFound;
        if (state.SentAt is not null || state.FailedAt is not null || state.NextAttemptAt > now)
            return DeliveryOutcome.NotDue;

        var claimed = await db.Set<OutboundEmail>()
            .Where(e => e.Id == emailId && e.NextAttemptAt == state.NextAttemptAt && e.SentAt == null && e.FailedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.NextAttemptAt, now + Lease), cancellationToken);
        if (claimed == 0)
            return DeliveryOutcome.NotDue; // another worker took it

        var email = await db.Set<OutboundEmail>().SingleAsync(e => e.Id == emailId, cancellationToken);
        try
        {
            await transport.SendAsync(email, cancellationToken);
            email.RecordSent(clock.GetUtcNow());
            return new DeliveryOutcome(DeliveryResult.Delivered);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            email.RecordFailure($"{ex.GetType().Name}: {ex.Message}", clock.GetUtcNow());
            LogSendFailed(logger, email.Id, email.Attempts, ex.GetType().Name);
            return email.FailedAt is null
                ? new DeliveryOutcome(DeliveryResult.WillRetry, email.NextAttemptAt)
                : new DeliveryOutcome(DeliveryResult.Failed);
        }
    }

    // Never the address or the body: an email may carry a reset link.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending email {EmailId} failed (attempt {Attempts}): {Error}.")]
    private static partial void LogSendFailed(ILogger logger, Guid emailId, int attempts, string error);
}
