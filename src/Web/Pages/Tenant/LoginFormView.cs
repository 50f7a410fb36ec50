using AlexaLinkHub.Application.Linking;

namespace AlexaLinkHub.Web.Pages.Tenant;

/// <summary>What the login form shows: the email typed so far, the link flow to resume, and the skill being linked.</summary>
public sealed record LoginFormView(string? Email, string? ReturnUrl, LinkContext? Link);
