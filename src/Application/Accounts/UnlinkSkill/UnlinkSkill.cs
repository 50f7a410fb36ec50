using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Links;
using Mediator;

namespace AlexaLinkHub.Application.Accounts;

/// <summary>The end user unlinks a skill: every live link to it is revoked with its tokens.</summary>
public sealed record UnlinkSkill(string ClientId) : ICommand<RevocationResult>, IEndUserRequest;

public sealed class UnlinkSkillHandler(IAccountLinkRepository links, ISkillRepository skills, ICurrentActor actor, LinkRevocation revocation)
    : ICommandHandler<UnlinkSkill, RevocationResult>
{
    public async ValueTask<RevocationResult> Handle(UnlinkSkill command, CancellationToken cancellationToken)
    {
        var skill = await skills.FindByClientIdAsync(command.ClientId, cancellationToken);
        if (skill is null)
            return new RevocationResult(0);
        var live = await links.ListActiveAsync(actor.EndUserId!.Value, skill.Id, cancellationToken);
        return new RevocationResult(await revocation.RevokeAsync(live, LinkRevocationReasons.UserUnlinked, cancellationToken, AuditActions.AccountUnlinked));
    }
}
