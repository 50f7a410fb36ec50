using AlexaLinkHub.Application.Common.Behaviours;
using AlexaLinkHub.Domain.Tenants;
using AlexaLinkHub.Domain.Users;
using FluentValidation;

namespace AlexaLinkHub.Application.Tenants;

/// <summary>Every field at once, with the rules of creating a tenant and inviting an admin.</summary>
public sealed class OnboardTenantValidator : AbstractValidator<OnboardTenant>
{
    public OnboardTenantValidator()
    {
        RuleFor(x => x.Slug).SatisfiesDomain(slug => TenantSlug.Validate(slug));
        // The entity also refuses markup and control characters (Tenant.ValidateDisplayName), with its own message.
        RuleFor(x => x.DisplayName)
            .NotEmpty().WithMessage("Display name is required.")
            .MaximumLength(Tenant.DisplayNameMaxLength);
        RuleFor(x => x.AdminEmail)
            .SatisfiesDomain(email => EmailAddress.Validate(email, "adminEmail"))
            .When(x => !string.IsNullOrWhiteSpace(x.AdminEmail));
    }
}
