using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Domain.Audit;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.Skills;

/// <summary>Issues a new client secret (shown once). The previous one keeps working for the overlap — the configured
/// default (24 h) unless the admin names another; zero ends it at once.</summary>
public sealed record RotateClientSecret(string ClientId, int? OverlapSeconds = null) : ICommand<RotatedSecretDto>, ITenantAdminRequest, IStepUpRequest;

public sealed record RotatedSecretDto(string ClientSecret, DateTimeOffset? PreviousSecretValidUntil);

public sealed class RotateClientSecretValidator : AbstractValidator<RotateClientSecret>
{
    public RotateClientSecretValidator() =>
        RuleFor(x => x.OverlapSeconds).InclusiveBetween(0, (int)TimeSpan.FromDays(30).TotalSeconds)
            .When(x => x.OverlapSeconds is not null)
            .WithMessage("overlapSeconds must be between 0 and 30 days.");
}

public sealed class RotateClientSecretHandler(ISkillRepository skills, IAuditLog audit, IOptions<SkillOptions> options, TimeProvider clock)
    : ICommandHandler<RotateClientSecret, RotatedSecretDto>
{
    public async ValueTask<RotatedSecretDto> Handle(RotateClientSecret command, CancellationToken cancellationToken)
    {
        var skill = await skills.FindByClientIdAsync(command.ClientId, cancellationToken) ?? throw new NotFoundException("Skill not found.");
        var overlap = command.OverlapSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : options.Value.SecretRotationOverlap;
        var secret = SecretTokens.NewClientSecret();
        skill.RotateSecret(SecretTokens.Hash(secret), clock.GetUtcNow(), overlap);
        audit.Record(AuditActions.SkillSecretRotated, AuditTarget.Skill(skill.ClientId), AuditDetails.Of("previousSecretValidUntil", skill.PreviousSecretValidUntil));
        return new RotatedSecretDto(secret, skill.PreviousSecretValidUntil);
    }
}
