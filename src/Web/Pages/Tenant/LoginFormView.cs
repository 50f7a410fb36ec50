using AlexaLinkHub.Application.ExternalSignIn;
using AlexaLinkHub.Application.Linking;

namespace AlexaLinkHub.Web.Pages.Tenant;

/// <summary>What the login form shows: the email typed so far, the skill being linked (the flow comes with the request),
/// the "Continue with …" providers and the message about an external sign-in that came back (if any).</summary>
public sealed record LoginFormView(string? Email, LinkContext? Link, IReadOnlyList<SignInProvider>? Providers = null, string? ExternalMessage = null);
