using System.Security.Cryptography;
using System.Text.Json;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Web.Tenancy;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace AlexaLinkHub.Web.Pages.Tenant;

/// <summary>The link flow a tenant page is part of: the authorization request waiting in <c>returnUrl</c>, and the link
/// it is for — the skill's name, the words for the requested scopes, the hosts its pages may use. The authorization page
/// looks the link up once and hands it on in a protected ticket (a cookie of the tenant's path: purpose-bound,
/// tamper-proof, for this tenant and this return URL, valid an hour), so the pages on the way (login, sign-up, forgot
/// password) never ask for it again and never read the request out of the URL themselves. Pages stay in the flow by
/// building their links here; a page reached another way (an email's link, a second flow in another tab) just does not
/// name the skill.</summary>
public sealed class LinkFlow(IHttpContextAccessor accessor, IDataProtectionProvider protection)
{
    public const string ReturnUrlField = "returnUrl";
    public const string TicketCookie = ".alh.flow";

    private static readonly TimeSpan s_ticketLifetime = TimeSpan.FromHours(1);
    private static readonly ChunkingCookieManager s_cookies = new();

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("AlexaLinkHub.LinkFlow.v1").ToTimeLimitedDataProtector();
    private (string? ReturnUrl, LinkContext? Link)? _read;

    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("A link flow belongs to a request.");

    /// <summary>Where the user goes back to when done: local, and inside this tenant (never another tenant's pages).</summary>
    public string? ReturnUrl => Read().ReturnUrl;

    /// <summary>The link being made, when the page was reached from the authorization request.</summary>
    public LinkContext? Link => Read().Link;

    /// <summary>Where a user who just signed in (or signed up, reset or confirmed) goes: back into the flow, or to their
    /// account page.</summary>
    public string AfterSignIn => ReturnUrl ?? PageUrl(TenantPaths.Account, returnUrl: null);

    /// <summary>The address of another page of the tenant, in this flow.</summary>
    public string PageUrl(string page) => PageUrl(page, ReturnUrl);

    /// <summary>The address of a page of the tenant that brings the user back to <paramref name="returnUrl"/>.</summary>
    public string PageUrl(string page, string? returnUrl)
    {
        var url = $"{Http.Request.PathBase}/{page}";
        return SafeReturnUrl(returnUrl) is { } safe ? QueryHelpers.AddQueryString(url, ReturnUrlField, safe) : url;
    }

    /// <summary>The authorization page sends a signed-out user to <paramref name="page"/> with the request to resume, and
    /// hands on the link it looked up.</summary>
    public string Start(string page, string returnUrl, LinkContext link)
    {
        // A resume URL longer than the pages will follow back gets no ticket: nothing could ever open it.
        if (SafeReturnUrl(returnUrl) is not null)
        {
            var ticket = _protector.Protect(JsonSerializer.Serialize(new StoredTicket(Http.RequiredTenant().Id, returnUrl, link)), s_ticketLifetime);
            s_cookies.AppendResponseCookie(Http, TicketCookie, ticket, new CookieOptions
            {
                Path = Http.Request.PathBase.HasValue ? Http.Request.PathBase.Value : "/",
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = Http.Request.IsHttps,
                IsEssential = true,
            });
        }
        // The resume URL is this request's own address, passed on as it is; the login page follows it only if it is safe.
        return QueryHelpers.AddQueryString($"{Http.Request.PathBase}/{page}", ReturnUrlField, returnUrl);
    }

    /// <summary>A return URL we will follow: local, and inside this tenant (never another tenant's pages).</summary>
    public string? SafeReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 16_384)
            return null;
        if (!returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal) || returnUrl.StartsWith("/\\", StringComparison.Ordinal))
            return null;
        var tenantBase = Http.Request.PathBase.Value + "/";
        return returnUrl.StartsWith(tenantBase, StringComparison.Ordinal) ? returnUrl : null;
    }

    private (string? ReturnUrl, LinkContext? Link) Read()
    {
        if (_read is { } read)
            return read;
        var returnUrl = SafeReturnUrl(ReturnUrlOfRequest());
        var ticket = returnUrl is null ? null : s_cookies.GetRequestCookie(Http, TicketCookie);
        var link = string.IsNullOrEmpty(ticket) ? null : Open(ticket, returnUrl!);
        if (link is not null && Http.Features.Get<TenantPageSecurity>() is { } security)
            security.AllowContentFrom(link.Domains);
        _read = (returnUrl, link);
        return _read.Value;
    }

    private LinkContext? Open(string ticket, string returnUrl)
    {
        try
        {
            var stored = JsonSerializer.Deserialize<StoredTicket>(_protector.Unprotect(ticket));
            return stored is not null && stored.TenantId == Http.Tenant()?.Id && stored.ReturnUrl == returnUrl ? stored.Link : null;
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            // Expired or tampered with: the flow goes on, the page just does not name the skill.
            return null;
        }
    }

    // A form's field wins over the query: a posted form carries the flow it was rendered with.
    private string? ReturnUrlOfRequest()
    {
        var request = Http.Request;
        StringValues value = request.HasFormContentType && request.Form.TryGetValue(ReturnUrlField, out var posted) ? posted : request.Query[ReturnUrlField];
        return value.Count == 1 ? value[0] : null;
    }

    private sealed record StoredTicket(Guid TenantId, string ReturnUrl, LinkContext Link);
}
