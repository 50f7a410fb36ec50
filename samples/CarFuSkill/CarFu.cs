using AlexaLinkHub.SkillBackend;

namespace CarFuSkill;

/// <summary>The Car Fu skill: greets the linked user by name and orders a car only with the order_car scope. The kit
/// answers "please link your account" and "can't reach the service" by itself (<c>WithAlexaLinkHub()</c>).</summary>
internal static class CarFu
{
    public static AlexaResponse Answer(AlexaSkillRequest alexa) => alexa.RequestType switch
    {
        "LaunchRequest" => AlexaResponse.Speak(Texts.Get(alexa.Locale, "hello", alexa.RequireUser().Name)).Reprompt(Texts.Get(alexa.Locale, "reprompt")),
        "IntentRequest" => alexa.IntentName switch
        {
            "OrderCarIntent" => Order(alexa),
            "AMAZON.StopIntent" or "AMAZON.CancelIntent" => AlexaResponse.Speak(Texts.Get(alexa.Locale, "goodbye")).EndSession(),
            _ => AlexaResponse.Speak(Texts.Get(alexa.Locale, "help")).Reprompt(Texts.Get(alexa.Locale, "reprompt")),
        },
        // SessionEndedRequest (and anything else): Alexa ignores the answer.
        _ => AlexaResponse.Empty(),
    };

    private static AlexaResponse Order(AlexaSkillRequest alexa)
    {
        var user = alexa.RequireUser("order_car");
        var destination = alexa.Slot("destination") ?? Texts.Get(alexa.Locale, "somewhere");
        return AlexaResponse.Speak(Texts.Get(alexa.Locale, "ordered", user.Name, destination)).EndSession();
    }
}

/// <summary>Car Fu's own texts, by locale, then language, then English. {0} is the user's name, {1} the destination.</summary>
internal static class Texts
{
    private static readonly Dictionary<string, Dictionary<string, string>> All = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = new()
        {
            ["hello"] = "Hello {0}, where to?",
            ["reprompt"] = "Where would you like to go?",
            ["ordered"] = "Okay {0}, a car to {1} is on its way.",
            ["help"] = "Car Fu orders you a car. Say, for example: a car to the airport.",
            ["goodbye"] = "Goodbye!",
            ["somewhere"] = "your destination",
        },
        ["en-GB"] = new()
        {
            ["ordered"] = "Right then {0}, a taxi to {1} is on its way.",
            ["help"] = "Car Fu orders you a taxi. Say, for example: a taxi to the airport.",
        },
        ["de"] = new()
        {
            ["hello"] = "Hallo {0}, wohin soll es gehen?",
            ["reprompt"] = "Wohin möchtest du fahren?",
            ["ordered"] = "Alles klar {0}, ein Wagen nach {1} ist unterwegs.",
            ["help"] = "Car Fu bestellt dir einen Wagen. Sag zum Beispiel: einen Wagen zum Flughafen.",
            ["goodbye"] = "Tschüss!",
            ["somewhere"] = "dein Ziel",
        },
    };

    public static string Get(string locale, string key, params object?[] values)
    {
        foreach (var candidate in new[] { locale, locale.Split('-')[0], "en" })
        {
            if (All.TryGetValue(candidate, out var table) && table.TryGetValue(key, out var text))
                return string.Format(System.Globalization.CultureInfo.InvariantCulture, text, values);
        }
        throw new ArgumentOutOfRangeException(nameof(key), key, "No such text.");
    }
}
