using AlexaLinkHub.Application.ExternalSignIn;
using AlexaLinkHub.Web.Admin;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Tenant;

/// <summary>The tenant's external sign-in providers ("Continue with …" on its login page): add one (a generic OpenID
/// Connect provider by its issuer, or a preset), see the callback URL to register at the provider, enable, disable,
/// delete. The same commands as <c>/api/v1/tenants/{slug}/identity-providers</c>; secrets are never shown.</summary>
public sealed class SignInProvidersModel(ISender sender, IStringLocalizer<SharedResource> text) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    [BindProperty]
    public ProviderInput Input { get; set; } = new();

    public IReadOnlyList<IdentityProviderDto> Providers { get; private set; } = [];
    public IdentityProviderDto? Added { get; private set; }
    public string? Notice { get; private set; }

    public static IReadOnlyList<string> Types => ProviderPresets.All.Select(p => p.TypeName).ToList();

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        var ok = await AdminForm.TryAsync(ModelState, async () => Added = await sender.Send(new RegisterIdentityProvider
        {
            Name = Input.Name ?? string.Empty,
            Type = Input.Type ?? string.Empty,
            DisplayName = Input.DisplayName ?? string.Empty,
            Issuer = string.IsNullOrWhiteSpace(Input.Issuer) ? null : Input.Issuer,
            ClientId = Input.ClientId ?? string.Empty,
            ClientSecret = Input.ClientSecret ?? string.Empty,
            Scopes = string.IsNullOrWhiteSpace(Input.Scopes) ? null : Input.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        }), text: text);
        if (ok)
            Input = new ProviderInput();
        // The secret is never sent back into the form.
        Input.ClientSecret = null;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(string name, bool enabled)
    {
        await sender.Send(new UpdateIdentityProvider { Name = name, Enabled = enabled });
        Notice = enabled ? text["Console.ProviderEnabled", name] : text["Console.ProviderDisabled", name];
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string name)
    {
        await sender.Send(new DeleteIdentityProvider(name));
        Notice = text["Console.ProviderDeleted", name];
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() => Providers = await sender.Send(new ListIdentityProviders());

    public sealed class ProviderInput
    {
        public string? Name { get; set; }
        public string? Type { get; set; } = "oidc";
        public string? DisplayName { get; set; }
        public string? Issuer { get; set; }
        public string? ClientId { get; set; }
        public string? ClientSecret { get; set; }
        public string? Scopes { get; set; }
    }
}
