using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.SkillBackend;

/// <summary>One Alexa request to a skill endpoint, with the user its access token belongs to. Take it as a parameter
/// of a minimal-API handler: it reads the JSON body (the token is in the envelope, not in a header), checks Amazon's
/// signature when enabled and asks AlexaLinkHub (through the cache).</summary>
public sealed class AlexaSkillRequest
{
    private const int MaxBodyBytes = 256 * 1024;

    private AlexaSkillRequest(JsonElement envelope, LinkState link)
    {
        Envelope = envelope;
        Link = link;
        var request = envelope.GetProperty("request");
        RequestType = request.TryGetProperty("type", out var type) ? type.GetString() ?? string.Empty : string.Empty;
        Locale = request.TryGetProperty("locale", out var locale) && locale.GetString() is { Length: > 0 } l ? l : "en-US";
        IntentName = request.TryGetProperty("intent", out var intent) && intent.TryGetProperty("name", out var name) ? name.GetString() : null;
    }

    /// <summary>The whole request envelope as Alexa sent it.</summary>
    public JsonElement Envelope { get; }

    public string RequestType { get; }
    public string? IntentName { get; }
    public string Locale { get; }
    public LinkState Link { get; }

    /// <summary>The linked user, or null (no token, inactive, or AlexaLinkHub unreachable: see <see cref="Link"/>).</summary>
    public LinkedUser? User => Link is LinkState.Linked linked ? linked.User : null;

    public bool IsIntent(string name) => RequestType == "IntentRequest" && IntentName == name;

    /// <summary>The linked user (with <paramref name="scope"/> granted, when given), else an
    /// <see cref="AccountNotLinkedException"/> or <see cref="AlexaLinkHubUnavailableException"/> — which an endpoint
    /// with <c>.WithAlexaLinkHub()</c> answers with <see cref="RespondTo"/>.</summary>
    public LinkedUser RequireUser(string? scope = null) => Link switch
    {
        LinkState.Unavailable unavailable => throw unavailable.Error,
        LinkState.NotLinked notLinked => throw new AccountNotLinkedException(notLinked.Reason),
        LinkState.Linked { User: var user } when scope is not null && !user.HasScope(scope) => throw new AccountNotLinkedException(NotLinkedReason.MissingScope, scope),
        LinkState.Linked { User: var user } => user,
        _ => throw new InvalidOperationException($"Unknown link state {Link}."),
    };

    /// <summary>The value of a slot of the intent, or null.</summary>
    public string? Slot(string name) =>
        Envelope.GetProperty("request").TryGetProperty("intent", out var intent)
        && intent.TryGetProperty("slots", out var slots) && slots.ValueKind == JsonValueKind.Object
        && slots.TryGetProperty(name, out var slot) && slot.TryGetProperty("value", out var value)
            ? value.GetString()
            : null;

    public AlexaResponse AskToLinkAccount(NotLinkedReason reason = NotLinkedReason.Inactive) => AlexaResponse.LinkAccount(Locale, reason);

    public AlexaResponse ServiceUnavailable() => AlexaResponse.ServiceUnavailable(Locale);

    /// <summary>The answer to one of the kit's exceptions, or null for any other.</summary>
    public AlexaResponse? RespondTo(Exception exception) => exception switch
    {
        AccountNotLinkedException notLinked => AskToLinkAccount(notLinked.Reason),
        AlexaLinkHubUnavailableException => ServiceUnavailable(),
        _ => null,
    };

    /// <summary>The user's access token of an envelope (<c>context.System.user.accessToken</c>, else
    /// <c>session.user.accessToken</c>), or null when the account is not linked.</summary>
    public static string? AccessTokenOf(JsonElement envelope)
    {
        foreach (var path in (string[][])[["context", "System", "user", "accessToken"], ["session", "user", "accessToken"]])
        {
            var node = envelope;
            var found = true;
            foreach (var segment in path)
            {
                if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(segment, out node))
                {
                    found = false;
                    break;
                }
            }
            if (found && node.ValueKind == JsonValueKind.String && node.GetString() is { Length: > 0 } token)
                return token;
        }
        return null;
    }

    /// <summary>Minimal APIs' binding hook: a request that is not an Alexa envelope, or whose signature does not check
    /// out, is answered 400 before the handler runs.</summary>
    public static async ValueTask<AlexaSkillRequest?> BindAsync(HttpContext context)
    {
        var request = await ReadAsync(context);
        context.Features.Set(request);
        return request;
    }

    /// <summary>Reads and resolves the Alexa request of <paramref name="context"/> (for MVC controllers and middleware).</summary>
    public static async Task<AlexaSkillRequest> ReadAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<AlexaLinkHubOptions>>().Value;
        var body = await ReadBodyAsync(context.Request, MaxBodyBytes);
        JsonElement envelope;
        try
        {
            using var document = JsonDocument.Parse(body);
            envelope = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new BadHttpRequestException("The body is not JSON.");
        }
        if (envelope.ValueKind != JsonValueKind.Object || !envelope.TryGetProperty("request", out var inner) || inner.ValueKind != JsonValueKind.Object)
            throw new BadHttpRequestException("The body is not an Alexa request envelope.");
        if (options.VerifyAlexaSignature)
            await services.GetRequiredService<AlexaRequestVerifier>().VerifyAsync(context.Request.Headers, body, envelope, context.RequestAborted);

        var link = await services.GetRequiredService<AlexaLinkHubClient>().ResolveAsync(AccessTokenOf(envelope), context.RequestAborted);
        return new AlexaSkillRequest(envelope, link);
    }

    /// <summary>The raw body (signatures cover these bytes), at most <paramref name="maxBytes"/>, else a 413.</summary>
    internal static async Task<byte[]> ReadBodyAsync(HttpRequest request, int maxBytes)
    {
        if (request.ContentLength > maxBytes)
            throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
