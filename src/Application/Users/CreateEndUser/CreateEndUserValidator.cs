using AlexaLinkHub.Application.Common.Behaviours;
using AlexaLinkHub.Domain.Users;
using FluentValidation;

namespace AlexaLinkHub.Application.Users;

public sealed class CreateEndUserValidator : AbstractValidator<CreateEndUser>
{
    public CreateEndUserValidator()
    {
        RuleFor(x => x.Email).SatisfiesDomain(email => EmailAddress.Validate(email));
        RuleFor(x => x.Password)
            .NotEmpty().WithMessage("Password is required.")
            .MinimumLength(PasswordRules.MinLength).WithMessage($"Password must be at least {PasswordRules.MinLength} characters.")
            .MaximumLength(PasswordRules.MaxLength).WithMessage($"Password must be at most {PasswordRules.MaxLength} characters.");
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Display name is required.").MaximumLength(EndUser.DisplayNameMaxLength);
        RuleFor(x => x.ExternalId).MaximumLength(EndUser.ExternalIdMaxLength);
    }
}
