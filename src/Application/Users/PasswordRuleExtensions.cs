using FluentValidation;

namespace AlexaLinkHub.Application.Users;

public static class PasswordRuleExtensions
{
    /// <summary>The one password rule (<see cref="PasswordRules"/>), wherever a password is chosen.</summary>
    public static IRuleBuilderOptionsConditions<T, string> AcceptablePassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.Custom((password, context) =>
        {
            if (PasswordRules.Check(password) is { } problem)
                context.AddFailure(problem);
        });
}
