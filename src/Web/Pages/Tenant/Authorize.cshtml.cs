using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Domain.Skills;
using AlexaLinkHub.Web.Tenancy;
using Mediator;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AlexaLinkHub.Web.Pages.Tenant;

/// <summary>The authorization endpoint (OpenIddict passes validated requests through to this page). It shows the error
/// page for a request OpenIddict would not redirect (unknown client, unregistered redirect URI, repeated parameter),
/// sends an anonymous user to the login page with the request to resume (and the link it looked up, see
/// <see cref="LinkFlow"/>), and otherwise asks for consent. "Allow" links the account, and OpenIddict redirects to
/// <c>redirect_uri#state=…&amp;access_token=…&amp;token_type=Bearer</c>; "Cancel" redirects with <c>error=access_denied</c>.</summary>
public sealed class AuthorizeModel(ISender sender, ICurrentActor actor, LinkFlow flow, EndUserSessions sessions) : PageModel
{
    public const string Allow = "allow";
    private static readonly HashSet<string> s_formOnlyFields = ["decision", "__RequestVerificationToken"];

    public LinkContext? Link { get; private set; }
    public string? ErrorCode { get; private set; }
    public string? ErrorDescription { get; private set; }
    public IReadOnlyList<KeyValuePair<string, string>> RequestParameters { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => HandleAsync(decision: null);

    public Task<IActionResult> OnPostAsync([FromForm] string? decision) => HandleAsync(decision ?? string.Empty);

    private async Task<IActionResult> HandleAsync(string? decision)
    {
        if (HttpContext.GetOpenIddictServerResponse() is { Error: { } error } failure)
            return await ErrorPageAsync(Request.Query["client_id"] is { Count: 1 } ids ? ids[0] : null, error, failure.ErrorDescription);

        var request = HttpContext.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenIddict authorization request.");
        var clientId = request.ClientId!;
        var scopes = request.GetScopes().ToList();
        RequestParameters = request.GetParameters()
            .Where(p => !s_formOnlyFields.Contains(p.Key))
            .Select(p => new KeyValuePair<string, string>(p.Key, (string?)p.Value ?? string.Empty))
            .ToList();

        if (actor.EndUserId is null || decision is null)
        {
            // The client OpenIddict accepted, read once more from this request's unit of work (no second query).
            Link = await sender.Send(new GetLinkContext(clientId, scopes), HttpContext.RequestAborted);
            if (Link is null)
                return await ErrorPageAsync(clientId, Errors.InvalidClient, "The client is not an enabled skill.");
            if (actor.EndUserId is null)
                return Redirect(flow.Start(TenantPaths.Login, ResumeUrl(), Link));
            var security = HttpContext.Features.Get<TenantPageSecurity>()!;
            security.AllowContentFrom(Link.Domains);
            security.AllowFormTargets(Link.RedirectOrigins);
            return Page();
        }

        if (!string.Equals(decision, Allow, StringComparison.Ordinal))
        {
            await sender.Send(new RecordLinkFailure(LinkFailureReasons.AccessDenied, clientId), HttpContext.RequestAborted);
            // RFC 6749 §4.2.2.1: the user denied the request → error=access_denied, back at the client.
            return Forbid(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.AccessDenied,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The user did not allow the link.",
                }),
                OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        // The OAuth server's redirect to the client is written inside the command, with the token it committed.
        // The console's test redirect URI got past validation only with a console test ticket as its state.
        var testState = request.RedirectUri is { } redirectUri && ConsoleTestLink.IsConsoleAddress(redirectUri) ? request.State : null;
        await sender.Send(new LinkAccount(clientId, scopes, await sessions.IdentityProviderAsync(HttpContext), testState), HttpContext.RequestAborted);
        return new EmptyResult();
    }

    /// <summary>Never redirect here: the client or its redirect URI could not be trusted.</summary>
    private async Task<IActionResult> ErrorPageAsync(string? clientId, string error, string? description)
    {
        await sender.Send(new RecordLinkFailure(LinkFailureReasons.InvalidRequest, clientId, error), HttpContext.RequestAborted);
        ErrorCode = error;
        ErrorDescription = description;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>This request as a GET URL, to come back to after signing in (a POST's parameters are in its form).</summary>
    private string ResumeUrl()
    {
        var path = $"{Request.PathBase}{Request.Path}";
        return HttpMethods.IsGet(Request.Method)
            ? path + Request.QueryString
            : QueryHelpers.AddQueryString(path, RequestParameters.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));
    }
}
