using FluentValidation;
using FluentValidation.Results;

namespace AlexaLinkHub.Application.Users;

public static class PasswordRuleExtensions
{
    /// <summary>The one password rule (<see cref="PasswordRules"/>), wherever a password is chosen.</summary>
    public static IRuleBuilderOptionsConditions<T, string> AcceptablePassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.Custom((password, context) =>
        {
            if (PasswordRules.Problem(password) is { } problem)
                context.AddFailure(new ValidationFailure(context.PropertyPath, problem.Message) { ErrorCode = problem.Code });
        });
}
