export { AlexaLinkHub, STATE_ATTRIBUTE } from './linkhub.js';
export { AlexaLinkHubError, AccountNotLinkedError, AlexaLinkHubUnavailableError } from './errors.js';
export { accessTokenOf, askToLinkAccount, localeOf, messageFor, sayServiceUnavailable, supportedLanguages } from './alexa.js';
export { EVICTING_EVENTS, verifyWebhook, WebhookVerificationError } from './webhooks.js';
