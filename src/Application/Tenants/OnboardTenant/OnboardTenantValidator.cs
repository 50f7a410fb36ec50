using AlexaLinkHub.Application.Common.Behaviours;
using AlexaLinkHub.Domain.Tenants;
using AlexaLinkHub.Domain.Users;
using FluentValidation;

namespace AlexaLinkHub.Application.Tenants;

/// <summary>Every field at once (the nested commands check them again, one command at a time).</summary>
public sealed class OnboardTenantValidator : AbstractValidator<OnboardTenant>
{
    public OnboardTenantValidator()
    {
        RuleFor(x => x.Slug).SatisfiesDomain(slug => TenantSlug.Validate(slug));
        RuleFor(x => x.DisplayName)
            .NotEmpty().WithMessage("Display name is required.")
            .MaximumLength(Tenant.DisplayNameMaxLength);
        RuleFor(x => x.AdminEmail)
            .SatisfiesDomain(email => EmailAddress.Validate(email, "adminEmail"))
            .When(x => !string.IsNullOrWhiteSpace(x.AdminEmail));
    }
}
