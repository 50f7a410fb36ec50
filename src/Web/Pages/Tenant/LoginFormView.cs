using AlexaLinkHub.Application.Linking;

namespace AlexaLinkHub.Web.Pages.Tenant;

/// <summary>What the login form shows: the email typed so far and the skill being linked (the flow comes with the request).</summary>
public sealed record LoginFormView(string? Email, LinkContext? Link);
