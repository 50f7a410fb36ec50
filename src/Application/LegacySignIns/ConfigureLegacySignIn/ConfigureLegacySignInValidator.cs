using AlexaLinkHub.Application.Common.Behaviours;
using AlexaLinkHub.Application.Webhooks;
using AlexaLinkHub.Domain.Webhooks;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.LegacySignIns;

public sealed class ConfigureLegacySignInValidator : AbstractValidator<ConfigureLegacySignIn>
{
    public ConfigureLegacySignInValidator(IOptions<WebhookOptions> webhooks) =>
        RuleFor(x => x.Url).SatisfiesDomain(url => WebhookUrl.Validate(url, webhooks.Value.AllowLoopback));
}
