using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Webhooks;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Users;
using Mediator;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.LegacySignIns;

/// <summary>Sets the tenant's legacy sign-in URL and whether it is used. The first time, a signing secret is made and
/// returned (once); later calls keep it. The URL follows the webhook rules (https, public address). One SaveChanges:
/// the first encryption of a secret may store a new data-protection key, which must not wait behind a transaction.
/// A step-up action: the URL is where customers' passwords will be sent.</summary>
public sealed record ConfigureLegacySignIn : ICommand<LegacySignInDto>, ITenantAdminRequest, IStepUpRequest, ISingleSaveCommand
{
    public required string Url { get; init; }
    public bool Enabled { get; init; } = true;
}

public sealed class ConfigureLegacySignInHandler(
    ILegacySignInRepository endpoints,
    IWebhookSecretProtector protector,
    ITenantContext scope,
    IAuditLog audit,
    IOptions<WebhookOptions> webhooks,
    TimeProvider clock) : ICommandHandler<ConfigureLegacySignIn, LegacySignInDto>
{
    public async ValueTask<LegacySignInDto> Handle(ConfigureLegacySignIn command, CancellationToken cancellationToken)
    {
        var allowLoopback = webhooks.Value.AllowLoopback;
        string? secret = null;
        var endpoint = await endpoints.FindAsync(cancellationToken);
        if (endpoint is null)
        {
            secret = WebhookSecret.New();
            endpoint = LegacySignIn.Create(scope.RequiredTenantId, command.Url, command.Enabled, protector.Protect(secret), allowLoopback, clock.GetUtcNow());
            endpoints.Add(endpoint);
        }
        else
        {
            endpoint.Configure(command.Url, command.Enabled, allowLoopback);
        }
        audit.Record(AuditActions.LegacySignInConfigured, AuditTarget.LegacySignIn, LegacySignInAudit.Describe(endpoint));
        return LegacySignInDto.From(endpoint, secret);
    }
}
