using AlexaLinkHub.Application.Common.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;

namespace AlexaLinkHub.Infrastructure.OAuth;

/// <summary>OpenIddict's application manager with our client rules: a disabled skill is an unknown client, and a client
/// secret is checked against the SHA-256 we store (a generated 256-bit secret needs no slow hash, and introspection
/// authenticates the skill on every Alexa request) — current secret, or the previous one during its rotation overlap.</summary>
public sealed class SkillApplicationManager(
    IOpenIddictApplicationCache<OAuthApplication> cache,
    ILogger<OpenIddictApplicationManager<OAuthApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<OAuthApplication> store,
    TimeProvider clock)
    : OpenIddictApplicationManager<OAuthApplication>(cache, logger, options, store)
{
    public override async ValueTask<OAuthApplication?> FindByClientIdAsync(string identifier, CancellationToken cancellationToken = default)
    {
        var application = await base.FindByClientIdAsync(identifier, cancellationToken);
        return application is { Enabled: true } ? application : null;
    }

    public override ValueTask<bool> ValidateClientSecretAsync(OAuthApplication application, string secret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (string.IsNullOrEmpty(secret))
            return ValueTask.FromResult(false);
        if (SecretTokens.Matches(secret, application.ClientSecret))
            return ValueTask.FromResult(true);
        var overlap = application.PreviousClientSecretValidUntil is { } until && clock.GetUtcNow() < until;
        return ValueTask.FromResult(overlap && SecretTokens.Matches(secret, application.PreviousClientSecret));
    }

    protected override ValueTask<string> ObfuscateClientSecretAsync(string secret, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(SecretTokens.Hash(secret));

    protected override ValueTask<bool> ValidateClientSecretAsync(string secret, string comparand, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(SecretTokens.Matches(secret, comparand));
}
