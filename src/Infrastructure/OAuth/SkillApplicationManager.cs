using AlexaLinkHub.Infrastructure.OAuth.Handlers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;

namespace AlexaLinkHub.Infrastructure.OAuth;

/// <summary>OpenIddict's application manager with the skill's secret rule: a client secret is checked against the SHA-256
/// we store (a generated 256-bit secret needs no slow hash, and introspection authenticates the skill on every Alexa
/// request), for each secret the skill accepts now — its current one, and the previous one during a rotation overlap.
/// And the console's test redirect URI, for the one request that may use it (<see cref="AcceptConsoleTestRedirect"/>).</summary>
public sealed class SkillApplicationManager(
    IOpenIddictApplicationCache<OAuthApplication> cache,
    ILogger<OpenIddictApplicationManager<OAuthApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<OAuthApplication> store,
    OAuthClients clients,
    ConsoleTestRequest test)
    : OpenIddictApplicationManager<OAuthApplication>(cache, logger, options, store)
{
    public override ValueTask<bool> ValidateClientSecretAsync(OAuthApplication application, string secret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        var skill = application.Skill ?? throw new InvalidOperationException("A client is read through SkillApplicationStore, which attaches its skill.");
        return ValueTask.FromResult(clients.Accepts(skill, secret));
    }

    public override ValueTask<bool> ValidateRedirectUriAsync(OAuthApplication application, string uri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        return application.Skill is { } skill && test.Accepts(skill.ClientId, uri)
            ? ValueTask.FromResult(true)
            : base.ValidateRedirectUriAsync(application, uri, cancellationToken);
    }
}
