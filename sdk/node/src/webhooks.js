import { Webhook, WebhookVerificationError } from 'standardwebhooks';

/** The events after which a cached "active" answer must go: the link ended, or the user was disabled (docs/webhooks.md). */
export const EVICTING_EVENTS = Object.freeze(['token.revoked', 'account.unlinked', 'user.disabled']);

const MAX_BODY_BYTES = 64 * 1024;

/**
 * Verifies a Standard Webhooks delivery (HMAC-SHA256 over `{id}.{timestamp}.{raw body}`, timestamp within five
 * minutes) and returns the event. Throws {@link WebhookVerificationError} when anything does not check out.
 */
export function verifyWebhook(secret, rawBody, headers) {
  const pick = (name) => {
    const value = typeof headers?.get === 'function' ? headers.get(name) : headers?.[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const wanted = { 'webhook-id': pick('webhook-id'), 'webhook-timestamp': pick('webhook-timestamp'), 'webhook-signature': pick('webhook-signature') };
  if (Object.values(wanted).some((v) => typeof v !== 'string' || v.length === 0)) {
    throw new WebhookVerificationError('Missing required headers');
  }
  const event = new Webhook(secret).verify(rawBody, wanted);
  if (typeof event?.type !== 'string') throw new WebhookVerificationError('The payload has no event type');
  return { id: wanted['webhook-id'], ...event };
}

/** The raw request body: what a body parser left (`express.raw()`), else read from the stream. */
export async function readRawBody(req) {
  if (Buffer.isBuffer(req.body) || typeof req.body === 'string') return req.body;
  if (req.body !== undefined && req.readableEnded) {
    // A JSON body parser ran first: the bytes the signature covers are gone.
    throw new TypeError('Mount the AlexaLinkHub webhook handler before any JSON body parser (the signature covers the raw body).');
  }
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new RangeError('The webhook body is too large.');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export { WebhookVerificationError };
