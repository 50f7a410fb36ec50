using AlexaLinkHub.Application.Common.Behaviours;
using AlexaLinkHub.Domain.Tenants;
using FluentValidation;

namespace AlexaLinkHub.Application.Tenants;

public sealed class CreateTenantValidator : AbstractValidator<CreateTenant>
{
    public CreateTenantValidator()
    {
        RuleFor(x => x.Slug).SatisfiesDomain(slug => TenantSlug.Validate(slug));
        // The entity also refuses markup and control characters (Tenant.ValidateDisplayName), with its own message.
        RuleFor(x => x.DisplayName)
            .NotEmpty().WithMessage("Display name is required.")
            .MaximumLength(Tenant.DisplayNameMaxLength);
    }
}
