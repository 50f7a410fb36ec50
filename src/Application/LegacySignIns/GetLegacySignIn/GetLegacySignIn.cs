using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using Mediator;

namespace AlexaLinkHub.Application.LegacySignIns;

/// <summary>The tenant's legacy sign-in settings, never the secret. When none are set: not found (the API's 404), or
/// null for a caller that shows "not set" itself (<see cref="Required"/> false: the admin page).</summary>
public sealed record GetLegacySignIn(bool Required = true) : IQuery<LegacySignInDto?>, ITenantAdminRequest;

public sealed class GetLegacySignInHandler(ILegacySignInRepository endpoints) : IQueryHandler<GetLegacySignIn, LegacySignInDto?>
{
    public async ValueTask<LegacySignInDto?> Handle(GetLegacySignIn query, CancellationToken cancellationToken) =>
        await endpoints.FindAsync(cancellationToken) is { } endpoint ? LegacySignInDto.From(endpoint)
        : query.Required ? throw new NotFoundException("No legacy sign-in endpoint is set.") : null;
}
