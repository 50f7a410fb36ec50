using System.Text.Json;
using System.Text.Json.Nodes;
using AlexaLinkHub.Application.Linking;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Tenant.Skills;

/// <summary>The console's test redirect URI (docs/decisions/021). A code-grant skill lands here with <c>?code&amp;state</c>;
/// an implicit one with the token in the fragment, which the browser keeps to itself: the page's script (admin.js) posts
/// it back to this page and removes it from the address bar. Either way the state must be a ticket of this admin's
/// session (<see cref="InspectTestLink"/>; otherwise 403 and nothing is shown).</summary>
public sealed class TestLinkModel(ISender sender) : PageModel
{
    /// <summary>What an authorization response may carry (RFC 6749 §4.1.2, §4.2.2, RFC 9207's <c>iss</c>).</summary>
    public static readonly IReadOnlyList<string> ResponseFields =
        ["state", "access_token", "token_type", "expires_in", "scope", "code", "iss", "error", "error_description"];

    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    /// <summary>No answer yet: the fragment is still in the browser.</summary>
    public bool AwaitingFragment { get; private set; }

    /// <summary>What came back to the redirect URI, as Alexa would receive it.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Received { get; private set; } = [];

    public TestLinkReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Request.Query.ContainsKey("state"))
        {
            AwaitingFragment = true;
            return Page();
        }
        Received = Pick(name => Request.Query[name]);
        Report = await sender.Send(new InspectTestLink(Value("state"), null, Value("code"), Value("error")), HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Received = Pick(name => Request.Form[name]);
        Report = await sender.Send(new InspectTestLink(Value("state"), Value("access_token"), null, Value("error")), HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>An endpoint's JSON, indented for reading (as it came when it is not JSON).</summary>
    public static string Indented(string json)
    {
        try
        {
            return JsonNode.Parse(json)?.ToJsonString(s_indented) ?? json;
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private string? Value(string name) => Received.FirstOrDefault(p => p.Key == name).Value;

    private static List<KeyValuePair<string, string>> Pick(Func<string, Microsoft.Extensions.Primitives.StringValues> read) =>
        ResponseFields.Select(name => (name, value: read(name)))
            .Where(p => p.value.Count == 1 && !string.IsNullOrEmpty(p.value[0]))
            .Select(p => new KeyValuePair<string, string>(p.name, p.value[0]!))
            .ToList();
}
