using AlexaLinkHub.Application.Common.Behaviours;
using AlexaLinkHub.Domain.Admins;
using AlexaLinkHub.Domain.Users;
using FluentValidation;

namespace AlexaLinkHub.Application.Admins;

public sealed class InviteAdminValidator : AbstractValidator<InviteAdmin>
{
    public InviteAdminValidator()
    {
        RuleFor(x => x.Email).SatisfiesDomain(email => EmailAddress.Validate(email));
        RuleFor(x => x.Role).SatisfiesDomain(role => AdminRoles.Parse(role)).When(x => !string.IsNullOrWhiteSpace(x.Role));
    }
}
