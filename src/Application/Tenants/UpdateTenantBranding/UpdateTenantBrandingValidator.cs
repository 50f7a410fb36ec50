using AlexaLinkHub.Application.Common.Behaviours;
using FluentValidation;

namespace AlexaLinkHub.Application.Tenants;

public sealed class UpdateTenantBrandingValidator : AbstractValidator<UpdateTenantBranding>
{
    public UpdateTenantBrandingValidator()
    {
        // The whole branding is one value object; its factory reports the first field at fault.
        RuleFor(x => x).SatisfiesDomain(command => command.ToBranding());
    }
}
