using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Web.Admin;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Tenant.Users;

/// <summary>The confirmation before an erasure: a page of its own, never a script dialog.</summary>
public sealed class DeleteUserModel(ISender sender) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    [FromRoute]
    public Guid Id { get; set; }

    public EndUserDto EndUser { get; private set; } = null!;

    public async Task OnGetAsync() => EndUser = await sender.Send(new GetEndUser(Id));

    public async Task<IActionResult> OnPostAsync()
    {
        await sender.Send(new DeleteEndUser(Id));
        return LocalRedirect($"{AdminPaths.Tenant(Slug)}/users?deleted=true");
    }
}
