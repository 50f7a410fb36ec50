using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Links;
using Mediator;

namespace AlexaLinkHub.Application.Linking;

/// <summary>Revokes every live link (and token) of an end user, or only those for one skill.</summary>
public sealed record RevokeUserTokens(Guid UserId, string? ClientId = null) : ICommand<RevocationResult>, ITenantAdminRequest;

public sealed class RevokeUserTokensHandler(IEndUserRepository users, ISkillRepository skills, IAccountLinkRepository links, LinkRevocation revocation)
    : ICommandHandler<RevokeUserTokens, RevocationResult>
{
    public async ValueTask<RevocationResult> Handle(RevokeUserTokens command, CancellationToken cancellationToken)
    {
        _ = await users.FindByIdAsync(command.UserId, cancellationToken) ?? throw new NotFoundException("User not found.");
        Guid? skillId = null;
        if (!string.IsNullOrEmpty(command.ClientId))
            skillId = (await skills.FindByClientIdAsync(command.ClientId, cancellationToken) ?? throw new NotFoundException("Skill not found.")).Id;
        var live = await links.ListActiveAsync(command.UserId, skillId, cancellationToken);
        return new RevocationResult(await revocation.RevokeAsync(live, LinkRevocationReasons.Admin, cancellationToken));
    }
}
