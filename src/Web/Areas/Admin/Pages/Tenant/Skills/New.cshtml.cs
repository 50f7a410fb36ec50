using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Web.Admin;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Tenant.Skills;

/// <summary>Registers a skill. The answer is rendered directly (no redirect): it is the only time the client secret is
/// shown, and it never travels in a URL or a cookie.</summary>
public sealed class NewSkillModel(ISender sender) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    [BindProperty]
    public SkillFormInput Input { get; set; } = new();

    public RegisteredSkillDto? Created { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await AdminForm.TryAsync(ModelState, async () => Created = await sender.Send(Input.ToRegisterSkill())))
            ModelState.Clear();
        return Page();
    }

    public Task<IActionResult> OnPostAlexaUrlsAsync() => SkillFormHandlers.FillAlexaUrlsAsync(this, sender, Input);

    public IActionResult OnPostMoreScopes() => SkillFormHandlers.MoreScopes(this, Input);
}
