using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Models;
using Mediator;

namespace AlexaLinkHub.Application.Emails;

/// <summary>Emails whose attempt is overdue because their job was lost; the sweep job re-enqueues them.</summary>
public sealed record ListDueEmails(int Max = 500) : IQuery<IReadOnlyList<DueDelivery>>, IPlatformAdminRequest;

public sealed class ListDueEmailsHandler(IEmailDelivery emails, TimeProvider clock) : IQueryHandler<ListDueEmails, IReadOnlyList<DueDelivery>>
{
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    public async ValueTask<IReadOnlyList<DueDelivery>> Handle(ListDueEmails query, CancellationToken cancellationToken) =>
        await emails.ListDueAsync(clock.GetUtcNow() - Grace, query.Max, cancellationToken);
}
