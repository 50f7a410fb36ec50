using System.Globalization;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Domain.Tenants;
using AlexaLinkHub.Web.Admin;
using AlexaLinkHub.Web.Tenancy;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Tenant;

/// <summary>The tenant's login page with a draft branding, for the editor's frame: the same layout and form markup as
/// <c>/t/{slug}/login</c>, the same Content-Security-Policy (plus the draft logo's host), framable by the admin page only.
/// Nothing is saved and the form in it is inert.</summary>
public sealed class BrandingPreviewModel(ISender sender) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? logoUrl, string? primaryColor, string? backgroundColor, string? supportUrl, string? privacyUrl, string? culture)
    {
        // The page in the language the editor picked (any of the tenant pages' languages), whatever the console's own.
        var language = BrandingText.LanguageFor(culture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        var draft = new BrandingInput { LogoUrl = logoUrl, PrimaryColor = primaryColor, BackgroundColor = backgroundColor, SupportUrl = supportUrl, PrivacyUrl = privacyUrl };
        TenantSite? site = null;
        if (!await AdminForm.TryAsync(ModelState, async () => site = await sender.Send(new PreviewTenantBranding(draft.ToCommand()))))
            return BadRequest();

        var security = new TenantPageSecurity { FrameAncestors = "'self'" };
        security.AllowContentFromUrl(site!.Branding.LogoUrl);
        HttpContext.Features.Set(security);
        HttpContext.Features.Set(new TenantSiteFeature(site));
        return Page();
    }
}
