using AlexaLinkHub.Application.Linking;
using Mediator;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AlexaLinkHub.Infrastructure.OAuth.Handlers;

/// <summary>RFC 6749 §4.1.2.1 / §4.2.2.1: once the client and its redirect URI are known to be valid, every other error
/// goes back to the client (fragment for response_type=token, query for code) with the state. OpenIddict renders every
/// validation error locally instead; this puts the redirect back — only when the client exists and the redirect_uri is
/// byte for byte one it registered. Otherwise the error page shows and nothing is redirected. A redirected error never
/// reaches the authorization page, so the failed link attempt is recorded here.</summary>
internal sealed class RedirectValidationErrors(IOpenIddictApplicationManager applications, ISender sender)
    : IOpenIddictServerHandler<ApplyAuthorizationResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyAuthorizationResponseContext>()
            .UseScopedHandler<RedirectValidationErrors>()
            // After the response mode is inferred, before the state and issuer are attached.
            .SetOrder(OpenIddictServerHandlers.Authentication.InferResponseMode.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ApplyAuthorizationResponseContext context)
    {
        if (context.Request is null || !string.IsNullOrEmpty(context.RedirectUri) || string.IsNullOrEmpty(context.Error))
            return;
        // A repeated parameter makes the request itself untrustworthy: never redirect it.
        if (context.Transaction.GetProperty<string>(RejectDuplicateParameters.RepeatedParameterProperty) is not null)
            return;
        var validation = context.Transaction.GetProperty<ValidateAuthorizationRequestContext>(typeof(ValidateAuthorizationRequestContext).FullName!);
        if (validation is not { IsRejected: true })
            return;

        var clientId = context.Request.ClientId;
        var redirectUri = context.Request.RedirectUri;
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(redirectUri))
            return;
        var application = await applications.FindByClientIdAsync(clientId);
        if (application is null || !await applications.ValidateRedirectUriAsync(application, redirectUri))
            return;

        context.RedirectUri = redirectUri;
        if (context.ResponseMode is not (ResponseModes.Query or ResponseModes.Fragment or ResponseModes.FormPost))
        {
            var types = context.Request.GetResponseTypes();
            context.ResponseMode = types.Contains(ResponseTypes.Token) || types.Contains(ResponseTypes.IdToken) ? ResponseModes.Fragment : ResponseModes.Query;
        }

        await sender.Send(new RecordLinkFailure(LinkFailureReasons.InvalidRequest, clientId, context.Error), context.CancellationToken);
    }
}
