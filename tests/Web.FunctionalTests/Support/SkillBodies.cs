using System.Text.Json.Nodes;

namespace AlexaLinkHub.Web.FunctionalTests.Support;

/// <summary>Skill registration bodies as a vendor would send them (the redirect URLs are Alexa's own shape).</summary>
public static class SkillBodies
{
    public const string PitanguiRedirect = "https://pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA";
    public const string LaylaRedirect = "https://layla.amazon.com/api/skill/link/M2AAAAAAAAAAAA";

    public static JsonObject Valid(string? clientId = null, string name = "Car Fu") => new()
    {
        ["name"] = name,
        ["clientId"] = clientId,
        ["grantType"] = "implicit",
        ["scopes"] = new JsonArray(Scope("taxi.order", "order a taxi on your behalf"), Scope("profile", "read your name")),
        ["domains"] = new JsonArray("cdn.carfu.example"),
        ["redirectUrls"] = new JsonArray(PitanguiRedirect, LaylaRedirect),
        ["accessTokenLifetimeSeconds"] = 3600,
    };

    public static JsonObject Scope(string name, string description) => new() { ["name"] = name, ["description"] = description };

    public static JsonArray Scopes(int count) =>
        new([.. Enumerable.Range(1, count).Select(i => (JsonNode)Scope($"scope.{i}", $"do thing {i} for you"))]);

    public static JsonArray Domains(int count) =>
        new([.. Enumerable.Range(1, count).Select(i => (JsonNode)JsonValue.Create($"cdn{i}.carfu.example"))]);

    public static string NewClientId() => $"carfu-{Guid.NewGuid():N}";
}
