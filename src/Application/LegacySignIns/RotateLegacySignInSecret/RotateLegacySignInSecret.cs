using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Webhooks;
using AlexaLinkHub.Domain.Audit;
using Mediator;

namespace AlexaLinkHub.Application.LegacySignIns;

/// <summary>Replaces the signing secret at once (the answer carries the new one, once); calls are signed with it from now
/// on, so the vendor's endpoint should accept both until it has the new one.</summary>
public sealed record RotateLegacySignInSecret : ICommand<LegacySignInDto>, ITenantAdminRequest, IStepUpRequest, ISingleSaveCommand;

public sealed class RotateLegacySignInSecretHandler(ILegacySignInRepository endpoints, IWebhookSecretProtector protector, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<RotateLegacySignInSecret, LegacySignInDto>
{
    public async ValueTask<LegacySignInDto> Handle(RotateLegacySignInSecret command, CancellationToken cancellationToken)
    {
        var endpoint = await endpoints.FindAsync(cancellationToken) ?? throw new NotFoundException("No legacy sign-in endpoint is set.");
        var secret = WebhookSecret.New();
        endpoint.RotateSecret(protector.Protect(secret), clock.GetUtcNow());
        audit.Record(AuditActions.LegacySignInSecretRotated, AuditTarget.LegacySignIn, LegacySignInAudit.Describe(endpoint));
        return LegacySignInDto.From(endpoint, secret);
    }
}
