using AlexaLinkHub.Application.Common.Models;

namespace AlexaLinkHub.Application.Emails;

/// <summary>The email outbox's sending side (SMTP or the pickup folder), in the scope the job runs in.</summary>
public interface IEmailDelivery
{
    /// <summary>Emails due before <paramref name="dueBefore"/>, oldest first.</summary>
    Task<IReadOnlyList<DueDelivery>> ListDueAsync(DateTimeOffset dueBefore, int max, CancellationToken cancellationToken);

    /// <summary>Claims the email with a lease (so no second worker sends it), sends it and records the outcome.</summary>
    Task<DeliveryOutcome> DeliverAsync(Guid emailId, CancellationToken cancellationToken);
}
