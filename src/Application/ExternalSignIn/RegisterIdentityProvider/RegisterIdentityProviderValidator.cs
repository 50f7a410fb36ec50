using AlexaLinkHub.Application.Common.Behaviours;
using AlexaLinkHub.Domain.ExternalSignIn;
using FluentValidation;

namespace AlexaLinkHub.Application.ExternalSignIn;

public sealed class RegisterIdentityProviderValidator : AbstractValidator<RegisterIdentityProvider>
{
    public RegisterIdentityProviderValidator()
    {
        RuleFor(x => x.Name).SatisfiesDomain(name => IdentityProvider.ValidateName(name));
        RuleFor(x => x.Type).SatisfiesDomain(type => ProviderPresets.ParseType(type));
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Display name is required.")
            .MaximumLength(IdentityProvider.DisplayNameMaxLength).WithMessage($"Display name must be at most {IdentityProvider.DisplayNameMaxLength} characters.");
        RuleFor(x => x.ClientId).NotEmpty().WithMessage("Client id is required.")
            .MaximumLength(IdentityProvider.ClientIdMaxLength).WithMessage($"Client id must be at most {IdentityProvider.ClientIdMaxLength} characters.");
        RuleFor(x => x.ClientSecret).NotEmpty().WithMessage("Client secret is required.")
            .MaximumLength(4000).WithMessage("Client secret must be at most 4000 characters.");
        RuleFor(x => x.Scopes).SatisfiesDomain(scopes => IdentityProvider.ValidateScopes(scopes));
    }
}
