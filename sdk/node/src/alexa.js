import { readFileSync } from 'node:fs';

/** The kit's spoken texts, one file for the Node and the .NET package: `{ language or locale: { key: text } }`. */
const MESSAGES = JSON.parse(readFileSync(new URL('./messages.json', import.meta.url), 'utf8'));
const FALLBACK_LOCALE = 'en';

/** The user's access token of an Alexa request envelope, or null when the account is not linked. */
export function accessTokenOf(requestEnvelope) {
  const token = requestEnvelope?.context?.System?.user?.accessToken ?? requestEnvelope?.session?.user?.accessToken;
  return typeof token === 'string' && token.length > 0 ? token : null;
}

export function localeOf(requestEnvelope) {
  const locale = requestEnvelope?.request?.locale;
  return typeof locale === 'string' && locale.length > 0 ? locale : 'en-US';
}

/**
 * The text for `key` in the request's locale: the exact locale (`en-GB`), else its language (`en`), else English.
 * `overrides` (same shape as messages.json) win over the kit's own texts.
 */
export function messageFor(locale, key, overrides = {}) {
  const language = locale.split('-')[0];
  for (const table of [overrides, MESSAGES]) {
    for (const candidate of [locale, language]) {
      const text = table[candidate]?.[key];
      if (typeof text === 'string') return text;
    }
  }
  return overrides[FALLBACK_LOCALE]?.[key] ?? MESSAGES[FALLBACK_LOCALE][key];
}

/** The languages the kit speaks out of the box. */
export const supportedLanguages = Object.freeze(Object.keys(MESSAGES));

/**
 * Asks the user to link (again): the LinkAccount card in the Alexa app and a spoken hint, session ended.
 * `reason: 'missing_scope'` says that more permissions are needed.
 */
export function askToLinkAccount(handlerInput, { reason = 'inactive', messages } = {}) {
  const locale = localeOf(handlerInput.requestEnvelope);
  const speech = messageFor(locale, reason === 'missing_scope' ? 'missingScope' : 'linkAccount', messages);
  return handlerInput.responseBuilder.speak(speech).withLinkAccountCard().withShouldEndSession(true).getResponse();
}

/** "Can't reach the service right now": the user is (probably) still linked, so no LinkAccount card. */
export function sayServiceUnavailable(handlerInput, { messages } = {}) {
  const locale = localeOf(handlerInput.requestEnvelope);
  return handlerInput.responseBuilder.speak(messageFor(locale, 'unavailable', messages)).withShouldEndSession(true).getResponse();
}
