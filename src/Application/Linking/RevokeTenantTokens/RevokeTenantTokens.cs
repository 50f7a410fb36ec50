using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Links;
using FluentValidation;
using Mediator;

namespace AlexaLinkHub.Application.Linking;

/// <summary>Incident response: every live link of the tenant ends at once — all its tokens, every skill, every user —
/// each through <see cref="LinkRevocation"/> (audited, webhook). The caller types the tenant's slug to confirm; a wrong
/// confirmation revokes nothing.</summary>
public sealed record RevokeTenantTokens : ICommand<RevokedCount>, ITenantAdminRequest, IStepUpRequest
{
    /// <summary>The tenant of the request (its URL), which the confirmation must repeat.</summary>
    public required string Slug { get; init; }

    public required string Confirmation { get; init; }
}

public sealed record RevokedCount(int Revoked);

public sealed class RevokeTenantTokensValidator : AbstractValidator<RevokeTenantTokens>
{
    public RevokeTenantTokensValidator() =>
        RuleFor(x => x.Confirmation)
            .Must((command, typed) => string.Equals(typed?.Trim(), command.Slug, StringComparison.Ordinal))
            .WithMessage(command => $"Type the tenant's slug ({command.Slug}) to confirm. Nothing was revoked.");
}

public sealed class RevokeTenantTokensHandler(IAccountLinkRepository links, LinkRevocation revocation, ITenantContext scope, IAuditLog audit)
    : ICommandHandler<RevokeTenantTokens, RevokedCount>
{
    public async ValueTask<RevokedCount> Handle(RevokeTenantTokens command, CancellationToken cancellationToken)
    {
        if (!string.Equals(scope.TenantSlug, command.Slug, StringComparison.Ordinal))
            throw new NotFoundException("Tenant not found.");
        var live = await links.ListActiveForTenantAsync(cancellationToken);
        var revoked = await revocation.RevokeAsync(live, LinkRevocationReasons.TenantRevocation, cancellationToken);
        audit.Record(AuditActions.TenantTokensRevoked, AuditTarget.Tenant(command.Slug), AuditDetails.Of("revoked", revoked));
        return new RevokedCount(revoked);
    }
}
