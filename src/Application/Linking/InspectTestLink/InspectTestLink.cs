using System.Text.Json;
using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using Mediator;

namespace AlexaLinkHub.Application.Linking;

/// <summary>The console's test redirect URI was reached: what came back (the fragment's token for an implicit skill, the
/// code for a code-grant skill, which is redeemed here at the real token endpoint), checked against the state's ticket —
/// this tenant, this skill, the admin of this session, not expired; anything else is refused and nothing is shown. Then
/// the real introspection and userinfo answers for the token, and the Alexa request a skill backend would receive.</summary>
/// <param name="Error">The <c>error</c> the authorization server sent back instead (the user cancelled, say).</param>
public sealed record InspectTestLink(string? State, string? AccessToken, string? Code, string? Error = null) : IQuery<TestLinkReport>, ITenantAdminRequest;

/// <param name="TokenAnswer">The token endpoint's answer to the code's redemption (code grant only).</param>
public sealed record TestLinkReport(
    string ClientId,
    string? Error,
    string? AccessToken,
    ProbeAnswer? TokenAnswer,
    ProbeAnswer? Introspection,
    ProbeAnswer? UserInfo,
    string? Envelope);

public sealed class InspectTestLinkHandler(ITestLinkTickets tickets, ITestLinkProbe probe, IPublicUrls urls, ITenantContext scope, ICurrentActor actor, TimeProvider clock)
    : IQueryHandler<InspectTestLink, TestLinkReport>
{
    public async ValueTask<TestLinkReport> Handle(InspectTestLink query, CancellationToken cancellationToken)
    {
        var ticket = tickets.Read(query.State, clock.GetUtcNow());
        if (ticket is null || ticket.TenantId != scope.RequiredTenantId || actor.AdminId is not { } adminId || ticket.AdminId != adminId)
            throw new ForbiddenException("This test was not started in your console session, or it has expired. Start a new one from the skill's page.");
        if (!string.IsNullOrEmpty(query.Error))
            return new TestLinkReport(ticket.ClientId, query.Error, null, null, null, null, null);

        ProbeAnswer? tokenAnswer = null;
        var accessToken = query.AccessToken;
        if (!string.IsNullOrEmpty(query.Code))
        {
            tokenAnswer = await probe.RedeemCodeAsync(ticket.ClientId, query.Code, urls.TestRedirectUri(scope.TenantSlug!), cancellationToken);
            accessToken = AccessTokenOf(tokenAnswer);
        }
        if (string.IsNullOrEmpty(accessToken))
            return new TestLinkReport(ticket.ClientId, "no_access_token", null, tokenAnswer, null, null, null);

        var introspection = await probe.IntrospectAsync(ticket.ClientId, accessToken, cancellationToken);
        var userInfo = await probe.UserInfoAsync(accessToken, cancellationToken);
        return new TestLinkReport(ticket.ClientId, null, accessToken, tokenAnswer, introspection, userInfo, AlexaRequestEnvelope.IntentRequest(accessToken, clock.GetUtcNow()));
    }

    private static string? AccessTokenOf(ProbeAnswer answer)
    {
        if (answer.Status != 200)
            return null;
        using var json = JsonDocument.Parse(answer.Json);
        return json.RootElement.TryGetProperty("access_token", out var token) ? token.GetString() : null;
    }
}
