using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Emails;
using AlexaLinkHub.Infrastructure.Persistence;

namespace AlexaLinkHub.Infrastructure.Email;

internal sealed class EmailOutbox(AppDbContext db, TimeProvider clock) : IEmailOutbox
{
    public void Enqueue(OutgoingEmail email) =>
        db.Add(OutboundEmail.Queue(email.TenantId, email.To, email.Subject, email.TextBody, email.HtmlBody, email.FromName, clock.GetUtcNow()));
}
