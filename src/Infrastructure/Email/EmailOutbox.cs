using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Infrastructure.Persistence;

namespace AlexaLinkHub.Infrastructure.Email;

internal sealed class EmailOutbox(AppDbContext db, TimeProvider clock) : IEmailOutbox
{
    public void Enqueue(OutgoingEmail email)
    {
        var now = clock.GetUtcNow();
        db.Add(new OutboundEmail
        {
            Id = Guid.CreateVersion7(now),
            TenantId = email.TenantId,
            To = email.To,
            Subject = email.Subject,
            TextBody = email.TextBody,
            HtmlBody = email.HtmlBody,
            FromName = email.FromName,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }
}
