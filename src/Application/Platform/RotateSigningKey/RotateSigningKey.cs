using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using FluentValidation;
using Mediator;

namespace AlexaLinkHub.Application.Platform;

/// <summary>Incident response (and the scheduled rotation's manual twin): a new signing key is published now and signs
/// from <see cref="ActivateAfterSeconds"/> on (default <c>OAuth:SigningKeys:ActivationDelay</c>); the keys before it keep
/// verifying until every token they signed has expired.</summary>
public sealed record RotateSigningKey(int? ActivateAfterSeconds = null) : ICommand<SigningKeysDto>, IPlatformAdminRequest, IStepUpRequest, ISingleSaveCommand;

public sealed record SigningKeyDto(string KeyId, DateTimeOffset CreatedAt, DateTimeOffset ActivatesAt, string Status);

public sealed record SigningKeysDto(string Current, string Next, IReadOnlyList<SigningKeyDto> Keys);

/// <summary>The OAuth server's signing keys (JWKS): rotation, and what is published.</summary>
public interface ISigningKeys
{
    /// <summary>Adds a key that signs from <paramref name="activationDelay"/> on (null: the configured delay).</summary>
    Task<SigningKeysDto> RotateAsync(TimeSpan? activationDelay, CancellationToken cancellationToken);

    /// <summary>Deletes superseded keys that no valid token needs any more (see the daily pruning); returns how many.</summary>
    Task<int> RetireAsync(CancellationToken cancellationToken);
}

public sealed class RotateSigningKeyValidator : AbstractValidator<RotateSigningKey>
{
    public RotateSigningKeyValidator() =>
        RuleFor(x => x.ActivateAfterSeconds).InclusiveBetween(0, (int)TimeSpan.FromDays(7).TotalSeconds)
            .When(x => x.ActivateAfterSeconds is not null)
            .WithMessage("activateAfterSeconds must be between 0 and 7 days.");
}

public sealed class RotateSigningKeyHandler(ISigningKeys keys, IAuditLog audit) : ICommandHandler<RotateSigningKey, SigningKeysDto>
{
    public async ValueTask<SigningKeysDto> Handle(RotateSigningKey command, CancellationToken cancellationToken)
    {
        var delay = command.ActivateAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        var result = await keys.RotateAsync(delay, cancellationToken);
        var next = result.Keys.First(k => k.KeyId == result.Next);
        audit.Record(AuditActions.SigningKeyRotated, AuditTarget.SigningKey(next.KeyId), AuditDetails.Of("activatesAt", next.ActivatesAt));
        return result;
    }
}
