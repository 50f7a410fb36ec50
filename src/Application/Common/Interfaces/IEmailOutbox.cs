namespace AlexaLinkHub.Application.Common.Interfaces;

/// <summary>An email ready to send. <paramref name="FromName"/> is the sender's display name (the tenant's name).</summary>
public sealed record OutgoingEmail(Guid? TenantId, string To, string Subject, string TextBody, string HtmlBody, string? FromName);

/// <summary>Queues an email in the current unit of work (a transactional outbox): it is stored with the change that
/// caused it and sent off the request path, with retries.</summary>
public interface IEmailOutbox
{
    void Enqueue(OutgoingEmail email);
}
