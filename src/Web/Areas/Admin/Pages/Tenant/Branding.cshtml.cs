using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Domain.Tenants;
using AlexaLinkHub.Web.Admin;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Tenant;

/// <summary>The branding editor. "Preview" checks the draft with the same rules as saving and shows the real login page
/// with it (in a frame, rendered by the login page's own template); "Save" stores it.</summary>
public sealed class BrandingModel(ISender sender, IStringLocalizer<SharedResource> text) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    [BindProperty]
    public BrandingInput Input { get; set; } = new();

    /// <summary>The language whose texts the form edits and the preview shows.</summary>
    [FromQuery(Name = "lang")]
    public string? Language { get; set; }

    [BindProperty]
    public BrandingTextInput? Texts { get; set; }

    public string EditedLanguage => BrandingText.LanguageFor(Language);
    public BrandingTextDto EditedTexts => Tenant.Texts.GetValueOrDefault(EditedLanguage) ?? new BrandingTextDto(null, null, null);

    public TenantDto Tenant { get; private set; } = null!;
    public IReadOnlyList<string> Warnings { get; private set; } = [];
    public string PreviewUrl { get; private set; } = string.Empty;

    /// <summary>The branding the preview shows (the draft when it passed, else the saved one).</summary>
    public BrandingInput Previewed { get; private set; } = new();
    public bool IsDraft { get; private set; }
    public string? Notice { get; private set; }
    public string LoginUrl => $"{Tenant.Issuer}/login";

    public async Task OnGetAsync()
    {
        Tenant = await sender.Send(new GetTenant());
        Input = BrandingInput.From(Tenant.Branding);
        Show(Tenant.Branding);
    }

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        Tenant = await sender.Send(new GetTenant());
        TenantSite? draft = null;
        if (await AdminForm.TryAsync(ModelState, async () => draft = await sender.Send(new PreviewTenantBranding(Input.ToCommand()))))
        {
            Input = BrandingInput.From(draft!.Branding);
            IsDraft = true;
            Show(draft.Branding);
        }
        else
        {
            Show(Tenant.Branding);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var saved = await AdminForm.TryAsync(ModelState, () => sender.Send(Input.ToCommand()).AsTask());
        Tenant = await sender.Send(new GetTenant());
        if (saved)
        {
            Notice = text["Console.BrandingSaved"];
            Input = BrandingInput.From(Tenant.Branding);
        }
        Show(Tenant.Branding);
        return Page();
    }

    public async Task<IActionResult> OnPostTextsAsync()
    {
        var command = new UpdateTenantTexts { Texts = new Dictionary<string, BrandingTextInput?> { [EditedLanguage] = Texts } };
        var saved = await AdminForm.TryAsync(ModelState, () => sender.Send(command).AsTask(), prefix: string.Empty);
        Tenant = await sender.Send(new GetTenant());
        Input = BrandingInput.From(Tenant.Branding);
        if (saved)
            Notice = text["Console.TextsSaved"];
        Show(Tenant.Branding);
        return Page();
    }

    /// <summary>The message for a text field, which the command reports as <c>texts.{language}.{field}</c>.</summary>
    public string? TextError(string field) => ModelState.ErrorFor(AdminForm.Key($"texts.{EditedLanguage}.{field}", string.Empty, null));

    public async Task<IActionResult> OnPostSignUpAsync(bool signUpEnabled, bool emailConfirmationRequired)
    {
        await sender.Send(new UpdateSignUpSettings(signUpEnabled, emailConfirmationRequired));
        Tenant = await sender.Send(new GetTenant());
        Input = BrandingInput.From(Tenant.Branding);
        Notice = text["Console.SignUpSettingsSaved"];
        Show(Tenant.Branding);
        return Page();
    }

    /// <summary>The preview and the contrast warnings are of a valid branding: the draft when it passes, else the saved one.</summary>
    private void Show(BrandingDto branding)
    {
        Warnings = BrandingInput.ContrastWarnings(branding, text);
        Previewed = BrandingInput.From(branding);
        PreviewUrl = Previewed.PreviewUrl(Slug, EditedLanguage);
    }
}
