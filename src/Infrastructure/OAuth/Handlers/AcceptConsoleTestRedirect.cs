using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Domain.Skills;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AlexaLinkHub.Infrastructure.OAuth.Handlers;

/// <summary>RFC 6749 §3.1.2: the redirect URI must be one registered for the client — and the console's test redirect URI
/// (<see cref="ConsoleTestLink"/>) is registered for none. It is accepted for exactly one kind of request: one whose
/// <c>state</c> is a console test ticket (<see cref="ITestLinkTickets"/>) of this tenant and client, still valid. Then,
/// for this request only, the application manager accepts that URI (<see cref="ConsoleTestRequest"/>); OpenIddict's own
/// check runs next as for every request. A console address with any other state is refused here, and never redirected
/// to (the error page shows). See docs/decisions/021.</summary>
internal sealed class AcceptConsoleTestRedirect(ITestLinkTickets tickets, ConsoleTestRequest test, IPublicUrls urls, ITenantContext scope, TimeProvider clock)
    : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
            .UseScopedHandler<AcceptConsoleTestRedirect>()
            .SetOrder(OpenIddictServerHandlers.Authentication.ValidateClientRedirectUri.Descriptor.Order - 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        var redirectUri = context.RedirectUri;
        if (string.IsNullOrEmpty(redirectUri) || !ConsoleTestLink.IsConsoleAddress(redirectUri))
            return ValueTask.CompletedTask;

        var ticket = tickets.Read(context.Request.State, clock.GetUtcNow());
        if (scope.TenantSlug is { } slug && ticket is not null && ticket.TenantId == scope.TenantId
            && string.Equals(ticket.ClientId, context.ClientId, StringComparison.Ordinal)
            && string.Equals(redirectUri, urls.TestRedirectUri(slug), StringComparison.Ordinal))
        {
            test.Accept(ticket.ClientId, redirectUri);
            return ValueTask.CompletedTask;
        }
        context.Reject(Errors.InvalidRequest, "The redirect_uri is the console's test address: only a test started in the console may use it.");
        return ValueTask.CompletedTask;
    }
}

/// <summary>The console test redirect URI accepted for this request, if any (set by <see cref="AcceptConsoleTestRedirect"/>,
/// read by <see cref="SkillApplicationManager"/>).</summary>
public sealed class ConsoleTestRequest
{
    private (string ClientId, string RedirectUri)? _accepted;

    internal void Accept(string clientId, string redirectUri) => _accepted = (clientId, redirectUri);

    internal bool Accepts(string clientId, string redirectUri) =>
        _accepted is { } accepted && string.Equals(accepted.ClientId, clientId, StringComparison.Ordinal) && string.Equals(accepted.RedirectUri, redirectUri, StringComparison.Ordinal);
}
