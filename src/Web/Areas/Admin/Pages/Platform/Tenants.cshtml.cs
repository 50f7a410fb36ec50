using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Web.Admin;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Platform;

/// <summary>Platform admins: every tenant with its status, and onboarding a new one (with an invitation for its admin).</summary>
public sealed class TenantsModel(ISender sender, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int PageSize = 50;

    private static readonly Dictionary<string, string> s_aliases = new(StringComparer.OrdinalIgnoreCase) { ["slug"] = "Slug", ["adminEmail"] = "AdminEmail", ["email"] = "AdminEmail" };

    [FromQuery(Name = "p")]
    public int? PageNumber { get; set; }

    [FromQuery(Name = "offboarded")]
    public string? Offboarded { get; set; }

    [BindProperty]
    public TenantInput Input { get; set; } = new();

    public Page<TenantDto> Tenants { get; private set; } = new([], 1, PageSize, 0);
    public string? Notice { get; private set; }

    public async Task OnGetAsync()
    {
        if (!string.IsNullOrEmpty(Offboarded))
            Notice = text["Console.TenantOffboarded", Offboarded];
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var command = new OnboardTenant
        {
            Slug = Input.Slug?.Trim() ?? string.Empty,
            DisplayName = Input.DisplayName ?? string.Empty,
            AdminEmail = string.IsNullOrWhiteSpace(Input.AdminEmail) ? null : Input.AdminEmail.Trim(),
        };
        TenantDto? created = null;
        if (await AdminForm.TryAsync(ModelState, async () => created = await sender.Send(command), aliases: s_aliases, text: text))
        {
            Notice = command.AdminEmail is null
                ? text["Console.TenantCreated", created!.Slug]
                : text["Console.TenantCreatedInvited", created!.Slug, command.AdminEmail];
            Input = new TenantInput();
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() => Tenants = await sender.Send(new ListTenants(PageNumber, PageSize));

    public sealed class TenantInput
    {
        public string? Slug { get; set; }
        public string? DisplayName { get; set; }
        public string? AdminEmail { get; set; }
    }
}
