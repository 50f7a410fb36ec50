using AlexaLinkHub.Application.Common.Behaviours;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Tenants;
using AlexaLinkHub.Domain.Users;
using FluentValidation;

namespace AlexaLinkHub.Application.Admins;

public sealed class SignUpVendorValidator : AbstractValidator<SignUpVendor>
{
    public SignUpVendorValidator()
    {
        RuleFor(x => x.Email).SatisfiesDomain(email => EmailAddress.Validate(email));
        RuleFor(x => x.Password).AcceptablePassword();
        RuleFor(x => x.OrganizationName).SatisfiesDomain(name => Tenant.ValidateDisplayName(name, "Organization name"));
        RuleFor(x => x.TenantSlug).SatisfiesDomain(slug => TenantSlug.Validate(slug));
    }
}
