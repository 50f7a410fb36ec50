using AlexaLinkHub.Application.Common.Behaviours;
using AlexaLinkHub.Domain.Webhooks;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.Webhooks;

public sealed class CreateWebhookValidator : AbstractValidator<CreateWebhook>
{
    public CreateWebhookValidator(IOptions<WebhookOptions> options)
    {
        RuleFor(x => x.Url).SatisfiesDomain(url => WebhookUrl.Validate(url, options.Value.AllowLoopback));
        RuleFor(x => x.Events).SatisfiesDomain(events => WebhookEndpoint.ValidateEvents(events));
    }
}
