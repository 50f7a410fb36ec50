using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlexaLinkHub.Application.Linking;

/// <summary>An Alexa <c>IntentRequest</c> as Alexa posts it to a custom skill's endpoint (the shape of ask-sdk-model's
/// <c>RequestEnvelope</c>, as in tests/AlexaEnvelopes), carrying a linked account's token where Alexa puts it:
/// <c>context.System.user.accessToken</c> and <c>session.user.accessToken</c>. We do not know the skill's Alexa ids, so
/// they are placeholders of the right shape for the vendor to replace.</summary>
public static class AlexaRequestEnvelope
{
    public const string PlaceholderSkillId = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000";
    public const string PlaceholderUserId = "amzn1.ask.account.TEST0LINK0USER";

    public static string IntentRequest(string accessToken, DateTimeOffset now, string intentName = "HelloWorldIntent", string locale = "en-US")
    {
        var user = new JsonObject { ["userId"] = PlaceholderUserId, ["accessToken"] = accessToken };
        var application = new JsonObject { ["applicationId"] = PlaceholderSkillId };
        var envelope = new JsonObject
        {
            ["version"] = "1.0",
            ["session"] = new JsonObject
            {
                ["new"] = true,
                ["sessionId"] = "amzn1.echo-api.session." + Guid.CreateVersion7(now),
                ["application"] = application.DeepClone(),
                ["attributes"] = new JsonObject(),
                ["user"] = user.DeepClone(),
            },
            ["context"] = new JsonObject
            {
                ["System"] = new JsonObject
                {
                    ["application"] = application,
                    ["user"] = user,
                    ["device"] = new JsonObject { ["deviceId"] = "amzn1.ask.device.TEST0DEVICE", ["supportedInterfaces"] = new JsonObject() },
                    ["apiEndpoint"] = "https://api.amazonalexa.com",
                },
            },
            ["request"] = new JsonObject
            {
                ["type"] = "IntentRequest",
                ["requestId"] = "amzn1.echo-api.request." + Guid.CreateVersion7(now),
                ["timestamp"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["locale"] = locale,
                ["intent"] = new JsonObject { ["name"] = intentName, ["confirmationStatus"] = "NONE", ["slots"] = new JsonObject() },
            },
        };
        return envelope.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
