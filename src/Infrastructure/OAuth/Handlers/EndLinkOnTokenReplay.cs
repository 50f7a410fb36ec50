using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Domain.Links;
using AlexaLinkHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AlexaLinkHub.Infrastructure.OAuth.Handlers;

/// <summary>When a redeemed authorization code, or a refresh token past its reuse leeway, comes back to the token
/// endpoint, OpenIddict revokes every token of the grant (RFC 6749 §4.1.2, §10.4) and answers <c>invalid_grant</c> —
/// but our link would still read "active" and the vendor would never hear of it. <see cref="NoteReplay"/> recognises the
/// replay just before OpenIddict acts on it (the same rule OpenIddict applies); <see cref="EndLink"/> ends the link
/// (<c>token_replay</c>: audited, <c>token.revoked</c> webhook) once the error answer is on its way.
/// <para>One rule for codes, whoever loses how: a code is redeemed once, and every other presentation of it — after the
/// redemption or racing it on another instance (the loser of OpenIddict's conditional update sees a valid code, then
/// fails to redeem it) — is <c>invalid_grant</c> and ends the link, including the tokens the winner is still writing
/// (their grant is revoked). So a code request that fails while its code is redeemed ends the link.</para></summary>
internal static class EndLinkOnTokenReplay
{
    private const string ReplayedGrantProperty = "alh:replayed_grant";
    private const string PresentedCodeProperty = "alh:presented_code";

    internal sealed class NoteReplay(IOpenIddictTokenManager tokens) : IOpenIddictServerHandler<ValidateTokenContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
                .UseScopedHandler<NoteReplay>()
                .SetOrder(OpenIddictServerHandlers.Protection.ValidateTokenEntry.Descriptor.Order - 1)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public async ValueTask HandleAsync(ValidateTokenContext context)
        {
            if (context.EndpointType is not OpenIddictServerEndpointType.Token || context.IsRejected
                || string.IsNullOrEmpty(context.TokenId) || string.IsNullOrEmpty(context.AuthorizationId) || context.Principal is null)
                return;
            if (context.Principal.HasTokenType(TokenTypeIdentifiers.Private.AuthorizationCode))
            {
                // Decided when the answer is known (EndLink): this request may still lose the race to redeem it.
                context.Transaction.SetProperty(PresentedCodeProperty, new PresentedCode(context.TokenId, context.AuthorizationId));
                return;
            }
            var token = await tokens.FindByIdAsync(context.TokenId, context.CancellationToken);
            if (token is null || !await tokens.HasStatusAsync(token, Statuses.Redeemed, context.CancellationToken))
                return;
            if (context.Principal.HasTokenType(TokenTypeIdentifiers.RefreshToken) && await WithinReuseLeewayAsync(context, token))
                return;
            context.Transaction.SetProperty(ReplayedGrantProperty, context.AuthorizationId);
        }

        private async ValueTask<bool> WithinReuseLeewayAsync(ValidateTokenContext context, object token)
        {
            if (context.Options.RefreshTokenReuseLeeway is not { } leeway)
                return false;
            var redeemed = await tokens.GetRedemptionDateAsync(token, context.CancellationToken);
            return redeemed is null || context.Options.TimeProvider.GetUtcNow() < redeemed + leeway;
        }
    }

    internal sealed class EndLink(ClientActorScope client, AppDbContext db) : IOpenIddictServerHandler<ApplyTokenResponseContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
                .UseScopedHandler<EndLink>()
                .SetOrder(int.MinValue + 100_000)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public async ValueTask HandleAsync(ApplyTokenResponseContext context)
        {
            if (string.IsNullOrEmpty(context.Error) || await ReplayedGrantAsync(context) is not { Length: > 0 } grantId)
                return;
            try
            {
                await client.SendAsync(context.Transaction, new EndLinkOfGrant(grantId, LinkRevocationReasons.TokenReplay), context.CancellationToken);
            }
            catch (ConflictException)
            {
                // Many replays of one code at once: another request ended the link a moment ago. Nothing left to do.
            }
        }

        private async ValueTask<string?> ReplayedGrantAsync(ApplyTokenResponseContext context)
        {
            if (context.Transaction.GetProperty<string>(ReplayedGrantProperty) is { Length: > 0 } replayed)
                return replayed;
            if (context.Transaction.GetProperty<PresentedCode>(PresentedCodeProperty) is not { } code)
                return null;
            // Refused while redeemed by another request (a lost race), or revoked (OpenIddict revokes a replayed code with
            // its grant's tokens): end the link. Refused while still valid: a wrong redirect_uri, client or code_verifier,
            // or an expired code, which ends nothing. Read from the database, not from the entity this request tracked
            // before it lost the race (which still says "valid").
            var id = Guid.Parse(code.TokenId);
            var status = await db.Set<OAuthToken>().AsNoTracking()
                .Where(t => t.Id == id).Select(t => t.Status).FirstOrDefaultAsync(context.CancellationToken);
            return status is Statuses.Redeemed or Statuses.Revoked ? code.GrantId : null;
        }
    }

    private sealed record PresentedCode(string TokenId, string GrantId);
}
