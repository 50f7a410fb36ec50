using AlexaLinkHub.Application.Audit;
using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Links;
using Mediator;

namespace AlexaLinkHub.Application.Users;

/// <summary>Deletes an end user (a right-to-erasure request): their live links and tokens are revoked, the tokens'
/// stored payloads (which carry email and name) are deleted, the account's personal data is overwritten, and the audit
/// trail about them is kept but anonymised — it names the user by id only, without source IPs or quoted personal data.</summary>
public sealed record DeleteEndUser(Guid Id) : ICommand<RevocationResult>, ITenantAdminRequest;

public sealed class DeleteEndUserHandler(
    IEndUserRepository users,
    IAccountLinkRepository links,
    IOAuthGrants grants,
    ISignInThrottleRepository throttles,
    IAuditTrail trail,
    LinkRevocation revocation,
    IAuditLog audit,
    TimeProvider clock) : ICommandHandler<DeleteEndUser, RevocationResult>
{
    public async ValueTask<RevocationResult> Handle(DeleteEndUser command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.Id, cancellationToken) ?? throw new NotFoundException("User not found.");
        var subject = AuditTarget.User(user.Id);

        var revoked = await revocation.RevokeAsync(await links.ListActiveAsync(user.Id, null, cancellationToken), LinkRevocationReasons.UserDeleted, cancellationToken);
        var allGrants = (await links.ListForUserAsync(user.Id, cancellationToken)).Select(l => l.GrantId).ToList();
        await grants.DeleteGrantsAsync(allGrants, cancellationToken);

        if (await throttles.FindAsync(SecretTokens.Hash(user.NormalizedEmail), cancellationToken) is { } throttle)
            throttles.Remove(throttle);

        var personal = user.Erase(clock.GetUtcNow());
        foreach (var recorded in await trail.ListConcerningAsync(subject.Value, cancellationToken))
            recorded.Anonymise(personal);
        audit.Record(AuditActions.UserDeleted, subject, AuditDetails.Of("revokedLinks", revoked));
        return new RevocationResult(revoked);
    }
}
