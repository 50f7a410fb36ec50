using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using Mediator;

namespace AlexaLinkHub.Application.LegacySignIns;

/// <summary>The tenant's legacy sign-in settings, never the secret; not found when none are set.</summary>
public sealed record GetLegacySignIn : IQuery<LegacySignInDto>, ITenantAdminRequest;

public sealed class GetLegacySignInHandler(ILegacySignInRepository endpoints) : IQueryHandler<GetLegacySignIn, LegacySignInDto>
{
    public async ValueTask<LegacySignInDto> Handle(GetLegacySignIn query, CancellationToken cancellationToken) =>
        LegacySignInDto.From(await endpoints.FindAsync(cancellationToken) ?? throw new NotFoundException("No legacy sign-in endpoint is set."));
}
