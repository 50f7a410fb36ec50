using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlexaLinkHub.SkillBackend.Tests.Support;

/// <summary>The Alexa request envelopes of tests/AlexaEnvelopes (shared with the Node tests), filled in.</summary>
public static class Envelopes
{
    public static JsonObject Create(string kind, string? accessToken, string locale = "en-US")
    {
        var template = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "AlexaEnvelopes", kind + ".json"))
            .Replace("{{locale}}", locale, StringComparison.Ordinal)
            .Replace("{{timestamp}}", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var envelope = JsonNode.Parse(template)!.AsObject();
        foreach (var user in new[] { envelope["session"]!["user"]!.AsObject(), envelope["context"]!["System"]!["user"]!.AsObject() })
        {
            if (accessToken is null)
                user.Remove("accessToken");
            else
                user["accessToken"] = accessToken;
        }
        return envelope;
    }
}

/// <summary>What an Alexa response says: speech, the LinkAccount card, whether the session ends.</summary>
public sealed record Said(string Speech, bool LinkAccountCard, bool? EndsSession, string Version)
{
    public static async Task<Said> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var inner = root.GetProperty("response");
        var speech = inner.TryGetProperty("outputSpeech", out var output) ? output.GetProperty("text").GetString()! : string.Empty;
        var card = inner.TryGetProperty("card", out var c) && c.GetProperty("type").GetString() == "LinkAccount";
        bool? ends = inner.TryGetProperty("shouldEndSession", out var e) ? e.GetBoolean() : null;
        return new Said(speech, card, ends, root.GetProperty("version").GetString()!);
    }
}

public static class SkillClientExtensions
{
    public static async Task<Said> AskAsync(this HttpClient skill, string kind, string? accessToken, string locale = "en-US") =>
        await Said.ReadAsync(await skill.PostAsJsonAsync("/alexa", Envelopes.Create(kind, accessToken, locale), TestContext.Current.CancellationToken));
}
