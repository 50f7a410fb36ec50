using AlexaLinkHub.Domain.Common;
using FluentValidation;
using FluentValidation.Results;

namespace AlexaLinkHub.Application.Common.Behaviours;

/// <summary>Runs domain rules inside validators, so the entity stays the single owner of each rule while the caller gets
/// every failing field at once, each with the rule's own message.</summary>
public static class DomainRuleExtensions
{
    /// <summary>The domain rule <paramref name="check"/> as a validation rule. <paramref name="code"/> names the rule for
    /// a page that words its refusals itself (the tenant pages translate by it).</summary>
    public static IRuleBuilderOptionsConditions<T, TProperty> SatisfiesDomain<T, TProperty>(
        this IRuleBuilder<T, TProperty> rule, Action<TProperty> check, string? code = null) =>
        rule.Custom((value, context) =>
        {
            try
            {
                check(value);
            }
            catch (DomainException ex)
            {
                context.AddFailure(new ValidationFailure(ex.Field ?? context.PropertyPath, ex.Message) { ErrorCode = code });
            }
        });

    public static IRuleBuilderOptionsConditions<T, IReadOnlyList<TItem>?> EachSatisfiesDomain<T, TItem>(
        this IRuleBuilder<T, IReadOnlyList<TItem>?> rule, Action<TItem, int> check) =>
        rule.Custom((items, context) =>
        {
            if (items is null)
                return;
            for (var i = 0; i < items.Count; i++)
            {
                try
                {
                    check(items[i], i);
                }
                catch (DomainException ex)
                {
                    context.AddFailure(ex.Field ?? $"{context.PropertyPath}[{i}]", ex.Message);
                }
            }
        });
}
