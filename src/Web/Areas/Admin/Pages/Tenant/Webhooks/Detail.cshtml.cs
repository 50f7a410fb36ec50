using AlexaLinkHub.Application.Webhooks;
using AlexaLinkHub.Web.Admin;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Tenant.Webhooks;

/// <summary>One webhook: its deliveries with every attempt, "send test event", re-deliver a failed delivery, disable or
/// enable, delete — the same use cases as the webhooks API.</summary>
public sealed class WebhookDetailModel(ISender sender, IStringLocalizer<SharedResource> text) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    [FromRoute]
    public Guid Id { get; set; }

    public WebhookDto? Webhook { get; private set; }
    public IReadOnlyList<WebhookDeliveryDto> Deliveries { get; private set; } = [];
    public string? Notice { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostTestAsync()
    {
        var delivery = await sender.Send(new SendTestWebhook(Id));
        return await ShowAsync(text["Console.TestEventQueued", delivery.Id]);
    }

    public async Task<IActionResult> OnPostRedeliverAsync(string delivery)
    {
        if (await AdminForm.TryAsync(ModelState, () => sender.Send(new RedeliverWebhook(Id, delivery)).AsTask(), prefix: string.Empty))
            return await ShowAsync(text["Console.Redelivered", delivery]);
        return await ShowAsync(null);
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        await sender.Send(new SetWebhookEnabled(Id, Enabled: false));
        return await ShowAsync(text["Console.HookDisabled"]);
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        await sender.Send(new SetWebhookEnabled(Id, Enabled: true));
        return await ShowAsync(text["Console.HookEnabled"]);
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        await sender.Send(new DeleteWebhook(Id));
        return LocalRedirect(AdminPaths.Webhooks(Slug));
    }

    private async Task<IActionResult> ShowAsync(string? notice)
    {
        Notice = notice;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Webhook = await sender.Send(new GetWebhook(Id));
        Deliveries = await sender.Send(new ListWebhookDeliveries(Id));
    }
}
