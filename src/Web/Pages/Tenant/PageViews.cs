using AlexaLinkHub.Application.Linking;

namespace AlexaLinkHub.Web.Pages.Tenant;

/// <summary>What the consent form shows: the skill and its scopes, and the authorization request it posts back.</summary>
public sealed record ConsentView(LinkContext Link, IReadOnlyList<KeyValuePair<string, string>> RequestParameters);

/// <summary>What the authorization error page shows under its explanation (RFC 6749 §4.1.2.1's code and description).</summary>
public sealed record AuthorizeErrorView(string Code, string? Description);

/// <summary>What the sign-up form shows: what was typed so far, the skill being linked, and whether the email is taken.</summary>
public sealed record SignUpFormView(string? Email, string? Name, LinkContext? Link, bool EmailTaken = false);
