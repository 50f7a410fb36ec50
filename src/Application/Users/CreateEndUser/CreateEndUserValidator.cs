using AlexaLinkHub.Application.Common.Behaviours;
using AlexaLinkHub.Domain.Users;
using FluentValidation;

namespace AlexaLinkHub.Application.Users;

public sealed class CreateEndUserValidator : AbstractValidator<CreateEndUser>
{
    public CreateEndUserValidator()
    {
        RuleFor(x => x.Email).SatisfiesDomain(email => EmailAddress.Validate(email));
        RuleFor(x => x.Password).AcceptablePassword();
        // The entity also refuses markup and control characters (EndUser.ValidateDisplayName), with its own message.
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Display name is required.").MaximumLength(EndUser.DisplayNameMaxLength);
        RuleFor(x => x.ExternalId).MaximumLength(EndUser.ExternalIdMaxLength);
    }
}
