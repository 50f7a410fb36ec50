using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Domain.Links;
using Mediator;

namespace AlexaLinkHub.Application.Linking;

/// <summary>Revokes every live link (and token) of a skill — the breach button.</summary>
public sealed record RevokeSkillTokens(string ClientId) : ICommand<RevocationResult>, ITenantAdminRequest;

public sealed class RevokeSkillTokensHandler(ISkillRepository skills, IAccountLinkRepository links, LinkRevocation revocation)
    : ICommandHandler<RevokeSkillTokens, RevocationResult>
{
    public async ValueTask<RevocationResult> Handle(RevokeSkillTokens command, CancellationToken cancellationToken)
    {
        var skill = await skills.FindByClientIdAsync(command.ClientId, cancellationToken) ?? throw new NotFoundException("Skill not found.");
        var live = await links.ListActiveForSkillAsync(skill.Id, cancellationToken);
        return new RevocationResult(await revocation.RevokeAsync(live, LinkRevocationReasons.SkillRevocation, cancellationToken));
    }
}
