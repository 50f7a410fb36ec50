using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Links;
using Mediator;

namespace AlexaLinkHub.Application.Linking;

public sealed record RevocationResult(int RevokedLinks);

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

/// <summary>The skill itself revoked a token (RFC 7009, e.g. on Alexa's SkillDisabled event): end its link too.</summary>
public sealed record RecordClientRevocation(string GrantId) : ICommand, ITenantPublicRequest;

public sealed class RecordClientRevocationHandler(IAccountLinkRepository links, LinkRevocation revocation) : ICommandHandler<RecordClientRevocation>
{
    public async ValueTask<Unit> Handle(RecordClientRevocation command, CancellationToken cancellationToken)
    {
        if (await links.FindByGrantAsync(command.GrantId, cancellationToken) is { } link)
            await revocation.RevokeAsync([link], LinkRevocationReasons.ClientRevocation, cancellationToken);
        return Unit.Value;
    }
}
