using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AlexaLinkHub.SkillBackend;

/// <summary>An Alexa response envelope (<c>{"version":"1.0","response":{…}}</c>), written as the endpoint's JSON answer.</summary>
public sealed class AlexaResponse : IResult
{
    private string? _speech;
    private string? _reprompt;
    private bool _linkAccountCard;
    private bool? _shouldEndSession;

    private AlexaResponse()
    {
    }

    public static AlexaResponse Speak(string text) => new() { _speech = text };

    /// <summary>No speech at all: the answer to a SessionEndedRequest, which Alexa ignores.</summary>
    public static AlexaResponse Empty() => new();

    /// <summary>The LinkAccount card in the Alexa app and a spoken hint, in the locale; the session ends.</summary>
    public static AlexaResponse LinkAccount(string locale, NotLinkedReason reason = NotLinkedReason.Inactive) =>
        Speak(AlexaLinkHubMessages.Get(locale, reason == NotLinkedReason.MissingScope ? AlexaLinkHubMessages.MissingScope : AlexaLinkHubMessages.LinkAccount))
            .WithLinkAccountCard().EndSession();

    /// <summary>"Can't reach the service right now": the user is probably still linked, so no LinkAccount card.</summary>
    public static AlexaResponse ServiceUnavailable(string locale) =>
        Speak(AlexaLinkHubMessages.Get(locale, AlexaLinkHubMessages.Unavailable)).EndSession();

    public AlexaResponse Reprompt(string text)
    {
        _reprompt = text;
        _shouldEndSession ??= false;
        return this;
    }

    public AlexaResponse WithLinkAccountCard()
    {
        _linkAccountCard = true;
        return this;
    }

    public AlexaResponse EndSession(bool end = true)
    {
        _shouldEndSession = end;
        return this;
    }

    public JsonObject ToJson()
    {
        var response = new JsonObject();
        if (_speech is not null)
            response["outputSpeech"] = PlainText(_speech);
        if (_linkAccountCard)
            response["card"] = new JsonObject { ["type"] = "LinkAccount" };
        if (_reprompt is not null)
            response["reprompt"] = new JsonObject { ["outputSpeech"] = PlainText(_reprompt) };
        if (_shouldEndSession is { } end)
            response["shouldEndSession"] = end;
        return new JsonObject { ["version"] = "1.0", ["response"] = response };
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(httpContext.Response.Body);
        ToJson().WriteTo(writer);
        await writer.FlushAsync(httpContext.RequestAborted);
    }

    private static JsonObject PlainText(string text) => new() { ["type"] = "PlainText", ["text"] = text };
}
