using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace AlexaLinkHub.TestSupport;

/// <summary>An implicit-grant skill as a vendor registers it for Alexa (the reference's Car Fu example).</summary>
public sealed record SkillSpec
{
    /// <summary>Alexa's redirect URLs for implicit grant: they carry the vendor id as a query that must survive.</summary>
    public static readonly IReadOnlyList<string> AlexaRedirectUrls =
    [
        "https://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA",
        "https://layla.amazon.com/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA",
        "https://alexa.amazon.co.jp/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA",
    ];

    public string? ClientId { get; init; }
    public string Name { get; init; } = "Car Fu";
    public string GrantType { get; init; } = "implicit";
    public IReadOnlyList<(string Name, string Description)> Scopes { get; init; } =
        [("order_car", "order a taxi on your behalf and charge your account for the cost"), ("basic_profile", "read your name and email")];
    public IReadOnlyList<string> Domains { get; init; } = ["cdn.carfu.example", "images.carfu.example"];
    public IReadOnlyList<string> RedirectUrls { get; init; } = AlexaRedirectUrls;
    public int? AccessTokenLifetimeSeconds { get; init; } = 7200;

    /// <summary>Code grant only; null is the default (ten years).</summary>
    public int? RefreshTokenLifetimeSeconds { get; init; }

    public object Body() => new
    {
        clientId = ClientId,
        name = Name,
        grantType = GrantType,
        scopes = Scopes.Select(s => new { name = s.Name, description = s.Description }).ToArray(),
        domains = Domains,
        redirectUrls = RedirectUrls,
        accessTokenLifetimeSeconds = AccessTokenLifetimeSeconds,
        refreshTokenLifetimeSeconds = RefreshTokenLifetimeSeconds,
    };
}

/// <summary>A registered skill with its one-time client secret.</summary>
public sealed record RegisteredSkill(string Slug, string ClientId, string ClientSecret, IReadOnlyList<string> RedirectUrls, int AccessTokenLifetimeSeconds)
{
    public string RedirectUri => RedirectUrls[0];
}

public sealed record LinkUser(Guid Id, string Email, string Password);

/// <summary>A tenant with one skill and one end user: everything a link needs.</summary>
public sealed record LinkSetup(string Slug, RegisteredSkill Skill, LinkUser User)
{
    public string AuthorizeUrl(string state = "xyz", string? scope = "order_car basic_profile", string responseType = "token", string? redirectUri = null) =>
        LinkArrange.AuthorizeUrl(Slug, Skill.ClientId, redirectUri ?? Skill.RedirectUri, state, scope, responseType);
}

/// <summary>Arranges link scenarios through the admin API (with the platform key), failing loudly on any refusal.</summary>
public static class LinkArrange
{
    public const string Password = "correct horse battery";

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public static string NewSlug(string prefix = "carfu") => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>A new tenant, an implicit skill (<paramref name="skill"/> or the default) and a user.</summary>
    public static async Task<LinkSetup> ArrangeLinkAsync(this HttpClient platform, SkillSpec? skill = null, string? slug = null, string? externalId = "crm-42")
    {
        slug ??= NewSlug();
        await platform.CreateLinkTenantAsync(slug);
        var registered = await platform.RegisterLinkSkillAsync(slug, skill ?? new SkillSpec());
        var user = await platform.CreateLinkUserAsync(slug, $"jo-{Guid.NewGuid():N}@example.com", externalId: externalId);
        return new LinkSetup(slug, registered, user);
    }

    public static async Task CreateLinkTenantAsync(this HttpClient platform, string slug, string? displayName = null) =>
        await EnsureAsync(await platform.CreateTenantAsync(slug, displayName ?? "Car Fu Rides"));

    public static async Task<RegisteredSkill> RegisterLinkSkillAsync(this HttpClient platform, string slug, SkillSpec? skill = null)
    {
        skill ??= new SkillSpec();
        var body = await EnsureAsync(await platform.PostAsJsonAsync($"/api/v1/tenants/{slug}/skills", (skill with { ClientId = skill.ClientId ?? $"carfu-{Guid.NewGuid():N}" }).Body(), Ct));
        return new RegisteredSkill(
            slug,
            body.GetProperty("clientId").GetString()!,
            body.GetProperty("clientSecret").GetString()!,
            body.GetProperty("redirectUrls").EnumerateArray().Select(u => u.GetString()!).ToList(),
            body.GetProperty("accessTokenLifetimeSeconds").GetInt32());
    }

    public static async Task<LinkUser> CreateLinkUserAsync(this HttpClient platform, string slug, string email, string password = Password, string displayName = "Jo Doe", string? externalId = null)
    {
        var body = await EnsureAsync(await platform.PostAsJsonAsync($"/api/v1/tenants/{slug}/users", new { email, password, displayName, externalId }, Ct));
        return new LinkUser(body.GetProperty("id").GetGuid(), email, password);
    }

    /// <summary><c>/t/{slug}/connect/authorize</c> with the parameters the Alexa app sends (a null one is left out).</summary>
    public static string AuthorizeUrl(string slug, string clientId, string redirectUri, string state, string? scope, string responseType = "token")
    {
        var parameters = new List<KeyValuePair<string, string?>>
        {
            new("state", state),
            new("client_id", clientId),
            new("response_type", responseType),
            new("redirect_uri", redirectUri),
        };
        if (scope is not null)
            parameters.Insert(2, new("scope", scope));
        return QueryHelpers.AddQueryString($"/t/{slug}/connect/authorize", parameters);
    }

    private static async Task<JsonElement> EnsureAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
