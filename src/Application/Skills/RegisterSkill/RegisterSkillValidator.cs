using AlexaLinkHub.Application.Common.Behaviours;
using FluentValidation;

namespace AlexaLinkHub.Application.Skills;

public sealed class RegisterSkillValidator : AbstractValidator<RegisterSkill>
{
    public RegisterSkillValidator()
    {
        RuleFor(x => x.ClientId)
            .SatisfiesDomain(id => Domain.Skills.ClientId.Validate(id))
            .When(x => !string.IsNullOrWhiteSpace(x.ClientId));
        Include(new SkillSettingsRules<RegisterSkill>());
    }
}
