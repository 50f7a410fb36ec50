using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.OAuth;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Domain.Links;
using AlexaLinkHub.Domain.Skills;
using Mediator;

namespace AlexaLinkHub.Application.Linking;

/// <summary>"Test this skill": the authorization request the Alexa app would send for the skill (its response type, all
/// its scopes, a generated state), except that it comes back to the console's test redirect URI. A command, so a viewer
/// may not start one; nothing is stored — the state is the ticket.</summary>
public sealed record StartTestLink(string ClientId) : ICommand<TestLinkStart>, ITenantAdminRequest;

public sealed record TestLinkStart(string AuthorizationUrl, string State, string RedirectUri);

public sealed class StartTestLinkHandler(
    ISkillRepository skills, ITestLinkTickets tickets, IPublicUrls urls, ITenantContext scope, ICurrentActor actor, TimeProvider clock)
    : ICommandHandler<StartTestLink, TestLinkStart>
{
    public async ValueTask<TestLinkStart> Handle(StartTestLink command, CancellationToken cancellationToken)
    {
        var skill = await skills.FindByClientIdAsync(command.ClientId, cancellationToken) ?? throw new NotFoundException("Skill not found.");
        if (!skill.Enabled)
            throw new ConflictException("Enable the skill to test it: a disabled skill is an unknown client for linking.");
        var adminId = actor.AdminId ?? throw new ForbiddenException("A test runs in an admin's console session.");

        var state = tickets.Issue(new TestLinkTicket(scope.RequiredTenantId, skill.ClientId, adminId, clock.GetUtcNow() + AccountLink.TestLifetime));
        var redirectUri = urls.TestRedirectUri(scope.TenantSlug!);
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("client_id", skill.ClientId),
            new("response_type", skill.GrantType == GrantType.Implicit ? "token" : "code"),
            new("state", state),
            new("redirect_uri", redirectUri),
        };
        if (skill.Scopes.Count > 0)
            parameters.Add(new("scope", string.Join(' ', skill.Scopes.Select(s => s.Name))));
        var query = string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        return new TestLinkStart($"{urls.TenantUrl(scope.TenantSlug!, OAuthEndpoints.Authorization)}?{query}", state, redirectUri);
    }
}
