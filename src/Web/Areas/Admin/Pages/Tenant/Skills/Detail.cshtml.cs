using System.Globalization;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Web.Admin;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Tenant.Skills;

/// <summary>One skill: the console panel, secret rotation, enable/disable, and the breach button (revoke every token,
/// after typing the client ID). Actions render the page directly: a rotated secret is shown this once.</summary>
public sealed class SkillDetailModel(ISender sender, IOptions<SkillOptions> options, IStringLocalizer<SharedResource> text) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    [FromRoute]
    public string ClientId { get; set; } = string.Empty;

    [BindProperty]
    public string? Confirmation { get; set; }

    public SkillDto Skill { get; private set; } = null!;
    public string? NewSecret { get; private set; }
    public string? Notice { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    /// <summary>How long a rotated secret keeps working by default, as configured (<c>Skills:SecretRotationOverlap</c>).</summary>
    public string OverlapText()
    {
        var overlap = options.Value.SecretRotationOverlap;
        return overlap.TotalMinutes % 60 == 0
            ? text["Console.SkillPage.OverlapHours", (int)overlap.TotalHours]
            : text["Console.SkillPage.OverlapMinutes", (int)Math.Ceiling(overlap.TotalMinutes)];
    }

    public async Task<IActionResult> OnPostRotateAsync()
    {
        var rotated = await sender.Send(new RotateClientSecret(ClientId));
        NewSecret = rotated.ClientSecret;
        Notice = rotated.PreviousSecretValidUntil is { } until
            ? text["Console.SkillPage.RotatedWithOverlap", until.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)]
            : text["Console.SkillPage.RotatedNoOverlap"];
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostEndOverlapAsync()
    {
        await sender.Send(new EndSecretOverlap(ClientId));
        Notice = text["Console.SkillPage.OverlapEnded"];
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        await sender.Send(new DisableSkill(ClientId));
        Notice = text["Console.SkillPage.DisabledNotice"];
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        await sender.Send(new EnableSkill(ClientId));
        Notice = text["Console.SkillPage.EnabledNotice"];
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostRevokeAllAsync()
    {
        await LoadAsync();
        // A deliberate speed bump for the one irreversible button on this page.
        if (!string.Equals(Confirmation?.Trim(), Skill.ClientId, StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(Confirmation), text["Console.SkillPage.ConfirmRevoke", Skill.ClientId]);
            return Page();
        }
        var result = await sender.Send(new RevokeSkillTokens(ClientId));
        Notice = result.RevokedLinks == 1 ? text["Console.SkillPage.RevokedOne"] : text["Console.SkillPage.RevokedMany", result.RevokedLinks];
        return Page();
    }

    /// <summary>"Test this skill": the real authorization request, as the Alexa app sends it, in this tab.</summary>
    public async Task<IActionResult> OnPostTestAsync()
    {
        TestLinkStart? start = null;
        if (await AdminForm.TryAsync(ModelState, async () => start = await sender.Send(new StartTestLink(ClientId)), prefix: string.Empty))
            return Redirect(start!.AuthorizationUrl);
        return await ShowAsync();
    }

    private async Task<IActionResult> ShowAsync()
    {
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() => Skill = await sender.Send(new GetSkill(ClientId));
}
