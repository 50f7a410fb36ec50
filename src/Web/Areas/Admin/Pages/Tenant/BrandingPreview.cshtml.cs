using System.Globalization;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Domain.Tenants;
using AlexaLinkHub.Web.Admin;
using AlexaLinkHub.Web.Pages.Tenant;
using AlexaLinkHub.Web.Tenancy;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenIddict.Abstractions;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Tenant;

/// <summary>One of the tenant's pages (login, consent, error, sign-up, reset) with a draft branding, for the editor's
/// frame: the same layout and the pages' own partials as under <c>/t/{slug}</c>, the same Content-Security-Policy (plus
/// the draft logo's host, and no form target at all), framable by the admin page only. Nothing is saved, the forms in
/// it are inert, and everything it shows is the signed-in admin's own tenant's (its texts, its first skill).</summary>
[PreviewCulture]
public sealed class BrandingPreviewModel(ISender sender, IStringLocalizer<SharedResource> text) : PageModel
{
    public const string Login = "login", Consent = "consent", Error = "error", SignUp = "signup", Reset = "reset";

    /// <summary>The pages the preview shows, in the picker's order (Branding.cshtml names each with its own text).</summary>
    public static readonly IReadOnlyList<string> Views = [Login, Consent, Error, SignUp, Reset];

    /// <summary>What the error preview explains: a request Alexa's console would send with a redirect URL the skill
    /// does not list (OpenIddict's descriptions are English on the real page too).</summary>
    public static readonly AuthorizeErrorView SampleError = new(OpenIddictConstants.Errors.InvalidRequest, "The specified 'redirect_uri' is not valid for this client application.");

    public string View { get; private set; } = Login;

    /// <summary>The skill the consent and sign-up previews name: the tenant's first, else a made-up one.</summary>
    public LinkContext Link { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? logoUrl, string? primaryColor, string? backgroundColor, string? supportUrl, string? privacyUrl, string? culture, string? view)
    {
        if (view is not null && !Views.Contains(view))
            return NotFound();
        View = view ?? Login;
        PreviewCultureAttribute.Use(culture);
        var draft = new BrandingInput { LogoUrl = logoUrl, PrimaryColor = primaryColor, BackgroundColor = backgroundColor, SupportUrl = supportUrl, PrivacyUrl = privacyUrl };
        TenantSite? site = null;
        if (!await AdminForm.TryAsync(ModelState, async () => site = await sender.Send(new PreviewTenantBranding(draft.ToCommand()))))
            return BadRequest();

        var skill = (await sender.Send(new ListSkills())).FirstOrDefault();
        Link = skill is null
            ? new LinkContext(string.Empty, text["Preview.SampleSkill"], [], [], [])
            : new LinkContext(skill.ClientId, skill.Name, skill.Scopes, [], []);

        var security = new TenantPageSecurity { FrameAncestors = "'self'", FormsDisabled = true };
        security.AllowContentFromUrl(site!.Branding.LogoUrl);
        HttpContext.Features.Set(security);
        HttpContext.Features.Set(new TenantSiteFeature(site));
        return Page();
    }
}

/// <summary>The preview in the language the editor picked (any of the tenant pages' languages), whatever the console's
/// own, for the handler and for the rendering of the page and its layout: a culture set inside the async handler does
/// not flow back out of it, so the result filter sets it again around the rendering.</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class PreviewCultureAttribute : Attribute, IAsyncResultFilter
{
    public static void Use(string? culture) =>
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(BrandingText.LanguageFor(culture));

    public Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        Use(context.HttpContext.Request.Query["culture"]);
        return next();
    }
}
