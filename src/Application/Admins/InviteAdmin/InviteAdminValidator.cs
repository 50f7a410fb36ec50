using AlexaLinkHub.Application.Common.Behaviours;
using AlexaLinkHub.Domain.Users;
using FluentValidation;

namespace AlexaLinkHub.Application.Admins;

public sealed class InviteAdminValidator : AbstractValidator<InviteAdmin>
{
    public InviteAdminValidator() => RuleFor(x => x.Email).SatisfiesDomain(email => EmailAddress.Validate(email));
}
