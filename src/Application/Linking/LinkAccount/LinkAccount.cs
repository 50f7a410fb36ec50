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

/// <summary>The signed-in end user allowed the skill the requested scopes: record the link and its grant, and keep at
/// most N live links per user and skill (the oldest beyond the cap is revoked). The token itself is issued by the OAuth
/// server right after, under the returned grant.</summary>
public sealed record LinkAccount(string ClientId, IReadOnlyList<string> Scopes) : ICommand<LinkResult>, IEndUserRequest;

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
    TimeSpan RefreshTokenLifetime);

public sealed class LinkAccountHandler(
    ISkillRepository skills,
    IEndUserRepository users,
    IAccountLinkRepository links,
    IOAuthGrants grants,
    ITenantContext scope,
    ICurrentActor actor,
    IAuditLog audit,
    WebhookPublisher webhooks,
    IOptions<LinkingOptions> options,
    TimeProvider clock) : ICommandHandler<LinkAccount, LinkResult>
{
    public async ValueTask<LinkResult> Handle(LinkAccount command, CancellationToken cancellationToken)
    {
        var skill = await skills.FindByClientIdAsync(command.ClientId, cancellationToken);
        if (skill is not { Enabled: true })
            throw new NotFoundException("Unknown skill.");
        var user = await users.FindByIdAsync(actor.EndUserId!.Value, cancellationToken);
        if (user is not { Enabled: true })
            throw new ForbiddenException("This account cannot be linked.");
        var unknown = command.Scopes.FirstOrDefault(s => !skill.HasScope(s));
        if (unknown is not null)
            throw new ForbiddenException($"The skill does not define the scope '{unknown}'.");

        var now = clock.GetUtcNow();
        var scopes = command.Scopes.Distinct(StringComparer.Ordinal).ToList();
        var grantId = await grants.CreateGrantAsync(skill.ClientId, user.Id, scopes, cancellationToken);
        var link = AccountLink.Create(scope.RequiredTenantId, skill.Id, skill.ClientId, user.Id, scopes, grantId, now);
        links.Add(link);
        Common.Telemetry.LinkHubMetrics.Linked(scope.TenantSlug);
        audit.Record(AuditActions.AccountLinked, $"user:{user.Id}", $"clientId={skill.ClientId}; scopes={string.Join(' ', scopes)}; linkId={link.Id}");
        await webhooks.PublishAsync(link.TenantId, WebhookEvents.AccountLinked, new WebhookEventData(skill.ClientId, user.Id, scopes, null), cancellationToken);

        // Keep the newest N live links (this one included); revoke the rest with their tokens.
        var live = await links.ListActiveAsync(user.Id, skill.Id, cancellationToken);
        var excess = live.Where(l => l.Id != link.Id).OrderByDescending(l => l.LinkedAt).ThenByDescending(l => l.Id)
            .Skip(Math.Max(0, options.Value.MaxLiveLinksPerUserAndSkill - 1)).ToList();
        if (excess.Count > 0)
        {
            await grants.RevokeGrantsAsync(excess.Select(l => l.GrantId).ToList(), cancellationToken);
            foreach (var old in excess)
            {
                old.Revoke(now, LinkRevocationReasons.TokenCap);
                audit.Record(AuditActions.TokenRevoked, $"user:{user.Id}", $"clientId={skill.ClientId}; linkId={old.Id}; reason={LinkRevocationReasons.TokenCap}");
                await webhooks.PublishAsync(old.TenantId, WebhookEvents.TokenRevoked, new WebhookEventData(old.ClientId, old.UserId, old.Scopes, LinkRevocationReasons.TokenCap), cancellationToken);
            }
        }

        return new LinkResult(link.Id, grantId, user.Id, user.Email, user.DisplayName, user.ExternalId, scope.TenantSlug!, scopes, skill.AccessTokenLifetime, skill.RefreshTokenLifetime);
    }
}
