using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Models;
using Mediator;

namespace AlexaLinkHub.Application.Emails;

/// <summary>Sends one queued email (sent by the email job, in the email's tenant or the platform scope).</summary>
public sealed record DeliverEmail(Guid EmailId) : ICommand<DeliveryOutcome>, IPlatformAdminRequest, ISingleSaveCommand;

public sealed class DeliverEmailHandler(IEmailDelivery emails) : ICommandHandler<DeliverEmail, DeliveryOutcome>
{
    public async ValueTask<DeliveryOutcome> Handle(DeliverEmail command, CancellationToken cancellationToken) =>
        await emails.DeliverAsync(command.EmailId, cancellationToken);
}

/// <summary>Emails whose attempt is overdue because their job was lost; the sweep job re-enqueues them.</summary>
public sealed record ListDueEmails(int Max = 500) : IQuery<IReadOnlyList<DueDelivery>>, IPlatformAdminRequest;

public sealed class ListDueEmailsHandler(IEmailDelivery emails, TimeProvider clock) : IQueryHandler<ListDueEmails, IReadOnlyList<DueDelivery>>
{
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    public async ValueTask<IReadOnlyList<DueDelivery>> Handle(ListDueEmails query, CancellationToken cancellationToken) =>
        await emails.ListDueAsync(clock.GetUtcNow() - Grace, query.Max, cancellationToken);
}
