using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Domain.Skills;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AlexaLinkHub.Web.Admin;

/// <summary>The skill form as the browser posts it: scopes as rows, domains and redirect URLs one per line. Only
/// translation happens here; <see cref="RegisterSkill"/> and <see cref="UpdateSkill"/> own the rules.</summary>
public sealed class SkillFormInput
{
    /// <summary>Rows the form shows at first; "More scope rows" adds some, up to Alexa's limit.</summary>
    public const int InitialScopeRows = 3;

    public string? ClientId { get; set; }
    public string? Name { get; set; }
    public string GrantType { get; set; } = GrantTypeNames.AuthorizationCode;
    public List<ScopeRow> Scopes { get; set; } = [];
    public string? Domains { get; set; }
    public string? RedirectUrls { get; set; }
    public string? VendorId { get; set; }
    public int? AccessTokenLifetimeSeconds { get; set; }
    public int? RefreshTokenLifetimeSeconds { get; set; }
    public int ScopeRows { get; set; } = InitialScopeRows;

    /// <summary>The rows to render: what was entered, plus empty ones up to <see cref="ScopeRows"/> (never more than
    /// Alexa's limit unless more were posted, so an over-long list is shown back in full with its error).</summary>
    public IReadOnlyList<ScopeRow> RowsToShow()
    {
        var rows = Scopes.ToList();
        var wanted = Math.Min(Skill.MaxScopes, Math.Max(ScopeRows, FilledScopes().Count + 1));
        while (rows.Count < wanted)
            rows.Add(new ScopeRow());
        return rows;
    }

    public IReadOnlyList<SkillScopeDto> FilledScopes() =>
        Scopes.Where(s => !string.IsNullOrWhiteSpace(s.Name) || !string.IsNullOrWhiteSpace(s.Description))
            .Select(s => new SkillScopeDto(s.Name?.Trim() ?? string.Empty, s.Description?.Trim() ?? string.Empty))
            .ToList();

    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();

    /// <summary>Appends URLs not listed yet, keeping the vendor's own order and edits.</summary>
    public void AddRedirectUrls(IEnumerable<string> urls)
    {
        var lines = Lines(RedirectUrls).ToList();
        lines.AddRange(urls.Where(url => !lines.Contains(url, StringComparer.Ordinal)));
        RedirectUrls = string.Join('\n', lines);
    }

    public RegisterSkill ToRegisterSkill() => new()
    {
        ClientId = string.IsNullOrWhiteSpace(ClientId) ? null : ClientId.Trim(),
        Name = Name ?? string.Empty,
        GrantType = GrantType,
        Scopes = FilledScopes(),
        Domains = Lines(Domains),
        RedirectUrls = Lines(RedirectUrls),
        AccessTokenLifetimeSeconds = AccessTokenLifetimeSeconds,
        RefreshTokenLifetimeSeconds = RefreshTokenLifetimeSeconds,
    };

    public UpdateSkill ToUpdateSkill(string clientId) => new()
    {
        ClientId = clientId,
        Name = Name ?? string.Empty,
        GrantType = GrantType,
        Scopes = FilledScopes(),
        Domains = Lines(Domains),
        RedirectUrls = Lines(RedirectUrls),
        AccessTokenLifetimeSeconds = AccessTokenLifetimeSeconds,
        RefreshTokenLifetimeSeconds = RefreshTokenLifetimeSeconds,
    };

    public static SkillFormInput From(SkillDto skill) => new()
    {
        ClientId = skill.ClientId,
        Name = skill.Name,
        GrantType = skill.GrantType,
        Scopes = skill.Scopes.Select(s => new ScopeRow { Name = s.Name, Description = s.Description }).ToList(),
        Domains = string.Join('\n', skill.Domains),
        RedirectUrls = string.Join('\n', skill.RedirectUrls),
        AccessTokenLifetimeSeconds = skill.AccessTokenLifetimeSeconds,
        RefreshTokenLifetimeSeconds = skill.RefreshTokenLifetimeSeconds,
    };

    /// <summary>Every message under a list field ("Input.Domains", "Input.Domains[3]", …), in order.</summary>
    public static IReadOnlyList<string> ErrorsUnder(ModelStateDictionary modelState, string key) =>
        modelState.Where(e => e.Key.Equals(key, StringComparison.OrdinalIgnoreCase) || e.Key.StartsWith(key + "[", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => e.Value!.Errors.Select(x => x.ErrorMessage))
            .Distinct()
            .ToList();

    public sealed class ScopeRow
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
    }
}
