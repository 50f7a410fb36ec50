using AlexaLinkHub.Application.Common.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;

namespace AlexaLinkHub.Infrastructure.OAuth;

/// <summary>OpenIddict's application manager with the skill's secret rule: a client secret is checked against the SHA-256
/// we store (a generated 256-bit secret needs no slow hash, and introspection authenticates the skill on every Alexa
/// request), for each secret the skill accepts now — its current one, and the previous one during a rotation overlap.</summary>
public sealed class SkillApplicationManager(
    IOpenIddictApplicationCache<OAuthApplication> cache,
    ILogger<OpenIddictApplicationManager<OAuthApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<OAuthApplication> store,
    TimeProvider clock)
    : OpenIddictApplicationManager<OAuthApplication>(cache, logger, options, store)
{
    public override ValueTask<bool> ValidateClientSecretAsync(OAuthApplication application, string secret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        var skill = application.Skill ?? throw new InvalidOperationException("A client is read through SkillApplicationStore, which attaches its skill.");
        return ValueTask.FromResult(!string.IsNullOrEmpty(secret)
            && skill.SecretHashesAcceptedAt(clock.GetUtcNow()).Any(hash => SecretTokens.Matches(secret, hash)));
    }
}
