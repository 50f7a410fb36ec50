using AlexaLinkHub.Application.Skills;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Tenant.Skills;

public sealed class SkillsIndexModel(ISender sender) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    public IReadOnlyList<SkillDto> Skills { get; private set; } = [];

    public async Task OnGetAsync() => Skills = (await sender.Send(new ListSkills())).OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
}
