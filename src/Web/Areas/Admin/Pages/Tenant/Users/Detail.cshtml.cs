using AlexaLinkHub.Application.Accounts;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Application.Users;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Tenant.Users;

/// <summary>One end user: their linked skills with every link's tokens, and the Revoke buttons (one token, all of a
/// skill's, all of the user's). Every revocation goes through the same commands as the admin API.</summary>
public sealed class UserDetailModel(ISender sender, IStringLocalizer<SharedResource> text) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    [FromRoute]
    public Guid Id { get; set; }

    public EndUserDto EndUser { get; private set; } = null!;
    public IReadOnlyList<LinkedSkill> Skills { get; private set; } = [];
    public string? Notice { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostRevokeTokenAsync(string tokenId)
    {
        var result = await sender.Send(new RevokeToken(tokenId ?? string.Empty));
        return await ShowAsync(result.RevokedLinks > 0 ? text["Console.TokenRevoked"] : text["Console.TokenAlreadyRevoked"]);
    }

    public async Task<IActionResult> OnPostRevokeSkillAsync(string clientId)
    {
        var result = await sender.Send(new RevokeUserTokens(Id, clientId ?? string.Empty));
        return await ShowAsync(Revoked(result));
    }

    public async Task<IActionResult> OnPostRevokeAllAsync() => await ShowAsync(Revoked(await sender.Send(new RevokeUserTokens(Id))));

    public async Task<IActionResult> OnPostDisableAsync()
    {
        await sender.Send(new DisableEndUser(Id));
        return await ShowAsync(text["Console.UserDisabled"]);
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        await sender.Send(new EnableEndUser(Id));
        return await ShowAsync(text["Console.UserEnabled"]);
    }

    public async Task<IActionResult> OnPostPasswordResetAsync()
    {
        var user = await sender.Send(new GetEndUser(Id));
        await sender.Send(new RequestPasswordReset(user.Email, null));
        return await ShowAsync(text["Console.ResetLinkSent", user.Email]);
    }

    private string Revoked(RevocationResult result) =>
        result.RevokedLinks == 1 ? text["Console.RevokedOneLink"] : text["Console.RevokedLinks", result.RevokedLinks];

    private async Task<IActionResult> ShowAsync(string notice)
    {
        Notice = notice;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        EndUser = await sender.Send(new GetEndUser(Id));
        var links = await sender.Send(new ListUserLinks(Id));
        var names = (await sender.Send(new ListSkills())).ToDictionary(s => s.ClientId, s => s.Name, StringComparer.Ordinal);
        Skills = links.GroupBy(l => l.ClientId)
            .Select(g => new LinkedSkill(
                g.Key,
                names.GetValueOrDefault(g.Key, g.Key),
                g.Where(l => l.RevokedAt is null).SelectMany(l => l.Scopes).Distinct(StringComparer.Ordinal).ToList(),
                g.Count(l => l.RevokedAt is null),
                g.ToList()))
            .OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    public sealed record LinkedSkill(string ClientId, string Name, IReadOnlyList<string> Scopes, int LiveLinks, IReadOnlyList<AccountLinkDto> Links);
}
