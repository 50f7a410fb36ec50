using System.Collections.Concurrent;
using AlexaLinkHub.Application.Linking;

namespace AlexaLinkHub.TestSupport;

/// <summary>The Application test host has no HTTP request whose authorization it could answer: a link is still made in
/// full (grant, audit event, webhook deliveries, the cap) and what OpenIddict would have been asked to issue is recorded.
/// The real answer (token, redirect, one commit) is covered through HTTP by the functional tests.</summary>
public sealed class RecordedAuthorizationResponses : IAuthorizationResponse
{
    public ConcurrentQueue<LinkResult> Issued { get; } = new();

    public Task IssueAsync(LinkResult link, CancellationToken cancellationToken)
    {
        Issued.Enqueue(link);
        return Task.CompletedTask;
    }
}
