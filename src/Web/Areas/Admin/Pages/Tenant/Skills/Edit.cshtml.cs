using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Web.Admin;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Tenant.Skills;

public sealed class EditSkillModel(ISender sender) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    [FromRoute]
    public string ClientId { get; set; } = string.Empty;

    [BindProperty]
    public SkillFormInput Input { get; set; } = new();

    public async Task OnGetAsync()
    {
        Input = SkillFormInput.From(await sender.Send(new GetSkill(ClientId)));
        Input.ScopeRows = Input.Scopes.Count + 1;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await AdminForm.TryAsync(ModelState, () => sender.Send(Input.ToUpdateSkill(ClientId)).AsTask()))
            return Page();
        return LocalRedirect(AdminPaths.Skill(Slug, ClientId));
    }

    public Task<IActionResult> OnPostAlexaUrlsAsync() => SkillFormHandlers.FillAlexaUrlsAsync(this, sender, Input);

    public IActionResult OnPostMoreScopes() => SkillFormHandlers.MoreScopes(this, Input);
}
