using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlexaLinkHub.Web.FunctionalTests.Support;

/// <summary>Assertions on admin API answers: status code, media type and the JSON body.</summary>
public static class ApiAssert
{
    public const string ProblemJson = "application/problem+json";

    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    public static StringContent RawJson(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>Asserts a JSON success answer with the given status and returns its body.</summary>
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await AssertStatusAsync(response, expected);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return Parse(text);
    }

    /// <summary>Asserts an <c>application/problem+json</c> answer with the given status; when <paramref name="field"/> is
    /// given, <c>errors</c> must name it. Returns the problem.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string? field = null)
    {
        var text = await AssertStatusAsync(response, expected);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = Parse(text);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        if (field is not null)
        {
            Assert.True(problem.TryGetProperty("errors", out var errors), $"The problem has no 'errors': {text}");
            Assert.True(errors.TryGetProperty(field, out var messages), $"'errors' does not name '{field}': {text}");
            Assert.NotEmpty(messages.EnumerateArray());
        }
        return problem;
    }

    /// <summary>The messages <c>errors</c> holds for a field, joined.</summary>
    public static string ErrorsFor(JsonElement problem, string field) =>
        string.Join(" ", problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()));

    public static IReadOnlyList<string> ErrorFields(JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(p => p.Name).ToList() : [];

    public static async Task<string> AssertStatusAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        if (response.StatusCode != expected)
            Assert.Fail($"Expected {(int)expected} {expected} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}, got {(int)response.StatusCode}: {text}");
        return text;
    }

    /// <summary>The names of the properties of a JSON object, as sent (so camelCase can be asserted).</summary>
    public static IReadOnlySet<string> PropertyNames(JsonElement element) =>
        element.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    public static void HasProperties(JsonElement element, params string[] names)
    {
        var actual = PropertyNames(element);
        var missing = names.Where(n => !actual.Contains(n)).ToList();
        Assert.True(missing.Count == 0, $"Missing {string.Join(", ", missing)} in {element.GetRawText()}");
    }

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;

    public static bool HasBearerChallenge(HttpResponseMessage response) =>
        response.Headers.WwwAuthenticate.Any(h => string.Equals(h.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase));

    public static AuthenticationHeaderValue Bearer(string key) => new("Bearer", key);

    private static JsonElement Parse(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
