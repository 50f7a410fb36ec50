using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Links;
using FluentValidation;
using Mediator;

namespace AlexaLinkHub.Application.Linking;

/// <summary>The OAuth server ended a grant on its own and the link goes with it: the skill revoked one of its tokens
/// (RFC 7009, e.g. on Alexa's SkillDisabled event — <see cref="LinkRevocationReasons.ClientRevocation"/>), or a code or
/// refresh token was replayed and the server revoked every token of the grant (RFC 6749 §4.1.2, §10.4 —
/// <see cref="LinkRevocationReasons.TokenReplay"/>). Without this the link would still show as active with dead
/// tokens, and the vendor would never hear of it.</summary>
public sealed record EndLinkOfGrant(string GrantId, string Reason) : ICommand, IOAuthClientRequest
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
