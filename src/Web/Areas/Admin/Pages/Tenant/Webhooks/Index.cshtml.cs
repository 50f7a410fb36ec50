using AlexaLinkHub.Application.Webhooks;
using AlexaLinkHub.Web.Admin;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Tenant.Webhooks;

/// <summary>The tenant's webhooks: list, and add one (its signing secret is shown in this response only).</summary>
public sealed class WebhooksModel(ISender sender, IStringLocalizer<SharedResource> text) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    [BindProperty]
    public string? ReceiverUrl { get; set; }

    [BindProperty]
    public List<string> Events { get; set; } = [];

    public IReadOnlyList<WebhookDto> Webhooks { get; private set; } = [];
    public CreatedWebhookDto? Created { get; private set; }
    public string? Notice { get; private set; }

    public string DetailPath(Guid id) => AdminPaths.Webhook(Slug, id);

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await AdminForm.TryAsync(ModelState, async () => Created = await sender.Send(new CreateWebhook { Url = ReceiverUrl ?? string.Empty, Events = Events }), prefix: string.Empty,
            aliases: new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["url"] = "ReceiverUrl" }, text: text);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() => Webhooks = await sender.Send(new ListWebhooks());
}
