using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Web.Admin;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Tenant.Users;

public sealed class NewUserModel(ISender sender, IStringLocalizer<SharedResource> text) : PageModel
{
    private static readonly Dictionary<string, string> s_aliases = new(StringComparer.OrdinalIgnoreCase) { ["email"] = "Email", ["externalId"] = "ExternalId" };

    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    [BindProperty]
    public UserInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        EndUserDto? user = null;
        var command = new CreateEndUser
        {
            Email = Input.Email ?? string.Empty,
            DisplayName = Input.DisplayName ?? string.Empty,
            Password = Input.Password ?? string.Empty,
            ExternalId = string.IsNullOrWhiteSpace(Input.ExternalId) ? null : Input.ExternalId,
        };
        if (!await AdminForm.TryAsync(ModelState, async () => user = await sender.Send(command), aliases: s_aliases, text: text))
            return Page();
        return LocalRedirect(AdminPaths.User(Slug, user!.Id));
    }

    public sealed class UserInput
    {
        public string? Email { get; set; }
        public string? DisplayName { get; set; }
        public string? Password { get; set; }
        public string? ExternalId { get; set; }
    }
}
