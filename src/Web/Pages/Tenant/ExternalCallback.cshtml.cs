using System.Security.Cryptography;
using System.Text;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.ExternalSignIn;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Web.Tenancy;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace AlexaLinkHub.Web.Pages.Tenant;

/// <summary>The redirect URI the vendor registers at its provider (<c>/t/{slug}/signin/{provider}/callback</c>). The state
/// must be the one of this browser's attempt (RFC 6749 §10.12; the attempt cookie lives under this tenant's path only);
/// then the code is redeemed and the account rules applied. Success starts the session and resumes the link flow where
/// it was (the authorization request, then consent); anything else goes back to the login page with an inline message.
/// A provider may answer with a query (GET) or a form post (response_mode=form_post), which carries no antiforgery token.</summary>
[IgnoreAntiforgeryToken]
public sealed class ExternalCallbackModel(ISender sender, LinkFlow flow, ExternalSignInCookies cookies, EndUserSessions sessions) : PageModel
{
    public const string ProblemField = "external";
    public const string ConnectNotice = "connect";

    public Task<IActionResult> OnGetAsync(string provider) => CompleteAsync(provider, Request.Query);

    public async Task<IActionResult> OnPostAsync(string provider) => await CompleteAsync(provider, await Request.ReadFormAsync());

    private async Task<IActionResult> CompleteAsync(string provider, IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> answer)
    {
        var values = answer.ToDictionary(p => p.Key, p => p.Value.Count == 1 ? p.Value[0] : null, StringComparer.Ordinal);
        var attempt = cookies.TakeAttempt(provider);
        var returnUrl = flow.SafeReturnUrl(attempt?.ReturnUrl);
        if (attempt is null || !SameState(values.GetValueOrDefault("state"), attempt.Challenge.State))
        {
            await sender.Send(new RecordLinkFailure(LinkFailureReasons.ExternalBadState, attempt?.ClientId, $"provider {Short(provider)}"));
            return LocalRedirect(LoginWithProblem(flow, returnUrl, LinkFailureReasons.ExternalBadState));
        }

        var outcome = await sender.Send(new CompleteExternalSignIn
        {
            Provider = provider,
            Code = values.GetValueOrDefault("code"),
            Error = values.GetValueOrDefault("error") is { Length: > 0 } error ? error : null,
            Challenge = attempt.Challenge,
            ClientId = attempt.ClientId,
        });
        switch (outcome.Status)
        {
            case ExternalSignInStatus.SignedIn:
                await sessions.StartAsync(HttpContext, outcome.UserId!.Value, identityProvider: provider);
                return LocalRedirect(returnUrl ?? flow.PageUrl(TenantPaths.Account, returnUrl: null));
            case ExternalSignInStatus.PasswordProofNeeded:
                cookies.SavePending(new PendingConnection(Guid.Empty, outcome.Pending!, outcome.Email!, outcome.EmailVerified));
                return LocalRedirect(QueryHelpers.AddQueryString(flow.PageUrl(TenantPaths.Login, returnUrl), ProblemField, ConnectNotice));
            default:
                return LocalRedirect(LoginWithProblem(flow, returnUrl, outcome.FailureReason!));
        }
    }

    /// <summary>The login page, in the flow, with the inline message for <paramref name="reason"/>.</summary>
    public static string LoginWithProblem(LinkFlow flow, string? returnUrl, string reason) =>
        QueryHelpers.AddQueryString(flow.PageUrl(TenantPaths.Login, returnUrl), ProblemField, reason);

    private static bool SameState(string? received, string expected) =>
        received is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(received), Encoding.UTF8.GetBytes(expected));

    private static string Short(string value) => value.Length > 60 ? value[..60] : value;
}
