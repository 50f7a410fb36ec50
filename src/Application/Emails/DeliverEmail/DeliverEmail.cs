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
