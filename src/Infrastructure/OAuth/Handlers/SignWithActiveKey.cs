using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;
using static OpenIddict.Server.OpenIddictServerHandlers.Protection;

namespace AlexaLinkHub.Infrastructure.OAuth.Handlers;

/// <summary>Key rotation (RFC 7517 §4.5 "kid", RFC 8414 §2 jwks_uri): every key of the ring is published and verifies,
/// but a token is signed with the newest key whose activation time has come — decided per token, so instances switch to
/// a rotated key together at its activation, not when each rebuilds its options. Not used with a configured
/// certificate.</summary>
internal sealed class SignWithActiveKey(SigningKeyRing ring, TimeProvider clock) : IOpenIddictServerHandler<GenerateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
            .UseSingletonHandler<SignWithActiveKey>()
            .SetOrder(AttachSecurityCredentials.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(GenerateTokenContext context)
    {
        var active = ring.Active(clock.GetUtcNow());
        // Only where the chosen credentials are ours: a configured certificate keeps OpenIddict's choice.
        if (context.SigningCredentials is not null && context.Options.SigningCredentials.Contains(active.Credentials))
            context.SigningCredentials = active.Credentials;
        return ValueTask.CompletedTask;
    }
}
