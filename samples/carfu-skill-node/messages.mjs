// Car Fu's own texts. The kit says "please link your account" and "can't reach the service" by itself.
const TEXTS = {
  en: {
    hello: 'Hello {name}, where to?',
    reprompt: 'Where would you like to go?',
    ordered: 'Okay {name}, a car to {destination} is on its way.',
    help: 'Car Fu orders you a car. Say, for example: a car to the airport.',
    goodbye: 'Goodbye!',
    error: 'Sorry, something went wrong. Please try again.',
    somewhere: 'your destination',
  },
  'en-GB': {
    ordered: 'Right then {name}, a taxi to {destination} is on its way.',
    help: 'Car Fu orders you a taxi. Say, for example: a taxi to the airport.',
  },
  de: {
    hello: 'Hallo {name}, wohin soll es gehen?',
    reprompt: 'Wohin möchtest du fahren?',
    ordered: 'Alles klar {name}, ein Wagen nach {destination} ist unterwegs.',
    help: 'Car Fu bestellt dir einen Wagen. Sag zum Beispiel: einen Wagen zum Flughafen.',
    goodbye: 'Tschüss!',
    error: 'Entschuldige, da ist etwas schiefgegangen. Bitte versuche es noch einmal.',
    somewhere: 'dein Ziel',
  },
};

/** The text in the request's locale (exact, then its language, then English) with `{placeholders}` filled in. */
export function t(locale, key, values = {}) {
  const text = TEXTS[locale]?.[key] ?? TEXTS[locale.split('-')[0]]?.[key] ?? TEXTS.en[key];
  return text.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
}
