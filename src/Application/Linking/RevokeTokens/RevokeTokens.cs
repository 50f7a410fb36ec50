using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Links;
using FluentValidation;
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

/// <summary>The OAuth server ended a grant on its own and the link goes with it: the skill revoked one of its tokens
/// (RFC 7009, e.g. on Alexa's SkillDisabled event — <see cref="LinkRevocationReasons.ClientRevocation"/>), or a code or
/// refresh token was replayed and the server revoked every token of the grant (RFC 6749 §4.1.2, §10.4 —
/// <see cref="LinkRevocationReasons.TokenReplay"/>). Without this the link would still show as active with dead
/// tokens, and the vendor would never hear of it.</summary>
public sealed record EndLinkOfGrant(string GrantId, string Reason) : ICommand, ITenantPublicRequest
{
    public static readonly IReadOnlySet<string> Reasons = new HashSet<string>(StringComparer.Ordinal)
    {
        LinkRevocationReasons.ClientRevocation,
        LinkRevocationReasons.TokenReplay,
    };
}

public sealed class EndLinkOfGrantValidator : AbstractValidator<EndLinkOfGrant>
{
    public EndLinkOfGrantValidator()
    {
        RuleFor(x => x.GrantId).NotEmpty();
        RuleFor(x => x.Reason).Must(EndLinkOfGrant.Reasons.Contains).WithMessage("Not a reason the OAuth server ends a link for.");
    }
}

public sealed class EndLinkOfGrantHandler(IAccountLinkRepository links, LinkRevocation revocation) : ICommandHandler<EndLinkOfGrant>
{
    public async ValueTask<Unit> Handle(EndLinkOfGrant command, CancellationToken cancellationToken)
    {
        if (await links.FindByGrantAsync(command.GrantId, cancellationToken) is { } link)
            await revocation.RevokeAsync([link], command.Reason, cancellationToken);
        return Unit.Value;
    }
}
