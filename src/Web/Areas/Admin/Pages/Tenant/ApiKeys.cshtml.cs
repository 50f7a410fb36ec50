using AlexaLinkHub.Application.ApiKeys;
using AlexaLinkHub.Web.Admin;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Tenant;

/// <summary>API keys of the tenant: create (the key is shown in this response only), list, revoke.</summary>
public sealed class ApiKeysModel(ISender sender, IStringLocalizer<SharedResource> text) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    public IReadOnlyList<ApiKeyDto> Keys { get; private set; } = [];
    public CreatedApiKeyDto? Created { get; private set; }
    public string? Notice { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        await AdminForm.TryAsync(ModelState, async () => Created = await sender.Send(new CreateApiKey { Name = Name ?? string.Empty, Role = Role }), prefix: string.Empty);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        await sender.Send(new RevokeApiKey(id));
        Notice = text["Console.KeyRevoked"];
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() => Keys = (await sender.Send(new ListApiKeys())).OrderByDescending(k => k.Active).ThenByDescending(k => k.CreatedAt).ToList();
}
