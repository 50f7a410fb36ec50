using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Links;
using Mediator;

namespace AlexaLinkHub.Application.Linking;

/// <summary>Revokes one token — with its grant: a code-grant client would otherwise simply refresh a revoked access
/// token, so a token is revoked together with the link it belongs to.</summary>
public sealed record RevokeToken(string TokenId) : ICommand<RevocationResult>, ITenantAdminRequest;

public sealed class RevokeTokenHandler(IOAuthGrants grants, IAccountLinkRepository links, LinkRevocation revocation)
    : ICommandHandler<RevokeToken, RevocationResult>
{
    public async ValueTask<RevocationResult> Handle(RevokeToken command, CancellationToken cancellationToken)
    {
        var grantId = await grants.FindGrantOfTokenAsync(command.TokenId, cancellationToken) ?? throw new NotFoundException("Token not found.");
        var link = await links.FindByGrantAsync(grantId, cancellationToken) ?? throw new NotFoundException("Token not found.");
        var count = await revocation.RevokeAsync([link], LinkRevocationReasons.Admin, cancellationToken);
        if (count == 0)
            await grants.RevokeGrantsAsync([grantId], cancellationToken); // already marked revoked; make sure the tokens are too
        return new RevocationResult(count);
    }
}
