using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Application.Webhooks;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Links;
using AlexaLinkHub.Domain.Webhooks;
using Mediator;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.Linking;

/// <summary>The signed-in end user allowed the skill the requested scopes: record the link and its grant, keep at most
/// N live links per user and skill (the oldest beyond the cap ends, like any link, through <see cref="LinkRevocation"/>)
/// and answer the authorization request with the token (or code) the OAuth server issues under the grant. All of it —
/// link, grant, token, audit events, webhook deliveries — commits together or not at all.</summary>
/// <param name="IdentityProvider">The external provider (its name) the user signed in with for this link, if any: the
/// token's <c>idp</c>.</param>
/// <param name="TestState">The state of a request the console started ("Test this skill", back at its own redirect URI):
/// the link is a test link — audited as <c>skill.test_link</c>, no webhook, outside the cap and the statistics, ended
/// after 15 minutes (docs/decisions/021).</param>
public sealed record LinkAccount(string ClientId, IReadOnlyList<string> Scopes, string? IdentityProvider = null, string? TestState = null) : ICommand<LinkResult>, IEndUserRequest;

/// <summary>Everything the token is made of.</summary>
public sealed record LinkResult(
    Guid LinkId,
    string GrantId,
    Guid UserId,
    string Email,
    string DisplayName,
    string? ExternalId,
    string TenantSlug,
    IReadOnlyList<string> Scopes,
    TimeSpan AccessTokenLifetime,
    TimeSpan RefreshTokenLifetime,
    string? IdentityProvider = null);

public sealed class LinkAccountHandler(
    ISkillRepository skills,
    IEndUserRepository users,
    IAccountLinkRepository links,
    IOAuthGrants grants,
    IAuthorizationResponse response,
    LinkRevocation revocation,
    ITenantContext scope,
    ICurrentActor actor,
    IAuditLog audit,
    WebhookPublisher webhooks,
    IOptions<LinkingOptions> options,
    ITestLinkTickets tickets,
    TimeProvider clock) : ICommandHandler<LinkAccount, LinkResult>
{
    public async ValueTask<LinkResult> Handle(LinkAccount command, CancellationToken cancellationToken)
    {
        var skill = await skills.FindClientAsync(command.ClientId, cancellationToken) ?? throw new NotFoundException("Unknown skill.");
        var user = await users.FindByIdAsync(actor.EndUserId!.Value, cancellationToken);
        if (user is not { Enabled: true })
            throw new ForbiddenException("This account cannot be linked.");
        var unknown = command.Scopes.FirstOrDefault(s => !skill.HasScope(s));
        if (unknown is not null)
            throw new ForbiddenException($"The skill does not define the scope '{unknown}'.");

        var scopes = command.Scopes.Distinct(StringComparer.Ordinal).ToList();
        var now = clock.GetUtcNow();
        var test = command.TestState is null ? null : tickets.Read(command.TestState, now);
        if (command.TestState is not null && (test is null || test.TenantId != scope.RequiredTenantId || !string.Equals(test.ClientId, skill.ClientId, StringComparison.Ordinal)))
            throw new ForbiddenException("This test link was not started in the console, or it has expired.");

        var grantId = await grants.CreateGrantAsync(skill.Id, user.Id, scopes, cancellationToken);
        var link = AccountLink.Create(scope.RequiredTenantId, skill.Id, skill.ClientId, user.Id, scopes, grantId, now, isTest: test is not null);
        links.Add(link);
        if (test is not null)
        {
            // The vendor's own backend hears nothing of a test (no link.created), and the user's real links stay.
            audit.Record(AuditActions.SkillTestLink, AuditTarget.Skill(skill.ClientId), AuditDetails.Of("clientId", skill.ClientId).And("linkId", link.Id).And("userId", user.Id).And("startedBy", test.AdminId));
        }
        else
        {
            Common.Telemetry.LinkHubMetrics.Linked(scope.TenantSlug);
            audit.Record(AuditActions.AccountLinked, AuditTarget.User(user.Id), AuditDetails.Of("clientId", skill.ClientId).And("scopes", scopes).And("linkId", link.Id));
            await webhooks.PublishAsync(link.TenantId, WebhookEvents.AccountLinked, new WebhookEventData(skill.ClientId, user.Id, scopes, null), cancellationToken);

            // Keep the newest N live links (this one included); the rest end with their tokens.
            var live = await links.ListActiveAsync(user.Id, skill.Id, cancellationToken);
            var excess = live.Where(l => l.Id != link.Id && !l.IsTest).OrderByDescending(l => l.LinkedAt).ThenByDescending(l => l.Id)
                .Skip(Math.Max(0, options.Value.MaxLiveLinksPerUserAndSkill - 1)).ToList();
            await revocation.RevokeAsync(excess, LinkRevocationReasons.TokenCap, cancellationToken);
        }

        var result = new LinkResult(link.Id, grantId, user.Id, user.Email, user.DisplayName, user.ExternalId, scope.TenantSlug!, scopes, skill.AccessTokenLifetime, skill.RefreshTokenLifetime, command.IdentityProvider);
        await response.IssueAsync(result, cancellationToken);
        return result;
    }
}
