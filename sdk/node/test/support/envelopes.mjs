// Alexa request envelopes from tests/AlexaEnvelopes (real shapes, as Alexa posts them to a skill endpoint).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './linkhub-server.mjs';

/**
 * @param {'LaunchRequest' | 'OrderCarIntent' | 'SessionEndedRequest'} kind
 * @param {{ accessToken?: string | null, locale?: string }} [options] no accessToken: the account is not linked
 * @returns {import('ask-sdk-model').RequestEnvelope}
 */
export function envelope(kind, { accessToken = null, locale = 'en-US' } = {}) {
  const template = readFileSync(join(REPO_ROOT, 'tests/AlexaEnvelopes', `${kind}.json`), 'utf8');
  const filled = JSON.parse(template.replaceAll('{{locale}}', locale).replaceAll('{{timestamp}}', new Date().toISOString().replace(/\.\d+Z$/, 'Z')));
  for (const user of [filled.session.user, filled.context.System.user]) {
    if (accessToken === null) delete user.accessToken;
    else user.accessToken = accessToken;
  }
  return filled;
}

/** What a response says, for assertions: the speech text, whether it carries the LinkAccount card, whether it ends. */
export function said(responseEnvelope) {
  const response = responseEnvelope.response ?? {};
  const ssml = response.outputSpeech?.ssml ?? response.outputSpeech?.text ?? '';
  return {
    speech: ssml.replace(/<\/?speak>/g, ''),
    linkAccountCard: response.card?.type === 'LinkAccount',
    endsSession: response.shouldEndSession === true,
    version: responseEnvelope.version,
  };
}
