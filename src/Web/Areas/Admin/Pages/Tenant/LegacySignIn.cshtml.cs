using AlexaLinkHub.Application.LegacySignIns;
using AlexaLinkHub.Web.Admin;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Tenant;

/// <summary>Lazy migration: the vendor's legacy sign-in endpoint (URL, on/off), its secret (shown once, on creation and
/// rotation), "test the endpoint", and removal.</summary>
public sealed class LegacySignInModel(ISender sender, IStringLocalizer<SharedResource> text) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    private static readonly Dictionary<string, string> s_aliases = new(StringComparer.OrdinalIgnoreCase) { ["url"] = nameof(EndpointUrl) };

    [BindProperty]
    public string? EndpointUrl { get; set; }

    [BindProperty]
    public bool Enabled { get; set; } = true;

    public LegacySignInDto? Current { get; private set; }
    public string? NewSecret { get; private set; }
    public LegacySignInTestDto? TestResult { get; private set; }
    public string? Notice { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        (EndpointUrl, Enabled) = Current is { } current ? (current.Url, current.Enabled) : (null, true);
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        LegacySignInDto? saved = null;
        if (await AdminForm.TryAsync(ModelState, async () => saved = await sender.Send(new ConfigureLegacySignIn { Url = EndpointUrl ?? string.Empty, Enabled = Enabled }), prefix: string.Empty, aliases: s_aliases, text: text))
        {
            NewSecret = saved!.Secret;
            Notice = saved.Enabled ? text["Console.LegacySaved"] : text["Console.LegacySavedOff"];
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRotateAsync()
    {
        NewSecret = (await sender.Send(new RotateLegacySignInSecret())).Secret;
        Notice = text["Console.LegacyRotated"];
        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostTestAsync()
    {
        TestResult = await sender.Send(new TestLegacySignIn());
        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        await sender.Send(new RemoveLegacySignIn());
        Notice = text["Console.LegacyRemoved"];
        await OnGetAsync();
        return Page();
    }

    private async Task LoadAsync() => Current = await sender.Send(new GetLegacySignIn(Required: false));
}
