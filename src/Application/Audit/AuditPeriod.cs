using FluentValidation;

namespace AlexaLinkHub.Application.Audit;

/// <summary>The period an audit query covers; either end may be open.</summary>
public interface IAuditPeriod
{
    DateTimeOffset? From { get; }
    DateTimeOffset? To { get; }
}

/// <summary>The one rule of a period, for every query that takes one.</summary>
public sealed class AuditPeriodRules<T> : AbstractValidator<T>
    where T : IAuditPeriod
{
    public AuditPeriodRules() =>
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null)
            .WithMessage("'to' must not be before 'from'.");
}
