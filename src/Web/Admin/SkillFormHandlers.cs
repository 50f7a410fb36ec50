using AlexaLinkHub.Application.Skills;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlexaLinkHub.Web.Admin;

/// <summary>The skill form's helper buttons (shared by "new" and "edit"). They re-render the form with what was typed,
/// changed as asked, and save nothing — so everything works without JavaScript.</summary>
internal static class SkillFormHandlers
{
    public static async Task<IActionResult> FillAlexaUrlsAsync(PageModel page, ISender sender, SkillFormInput input)
    {
        page.ModelState.Clear();
        await AdminForm.TryAsync(page.ModelState, async () => input.AddRedirectUrls((await sender.Send(new SuggestAlexaRedirectUrls(input.VendorId ?? string.Empty))).All()));
        return page.Page();
    }

    public static IActionResult MoreScopes(PageModel page, SkillFormInput input)
    {
        page.ModelState.Clear();
        input.ScopeRows += 5;
        return page.Page();
    }
}
