import { createHash } from 'node:crypto';
import { LinkCache } from './cache.js';
import { AccountNotLinkedError, AlexaLinkHubUnavailableError } from './errors.js';
import { IntrospectionClient } from './introspection.js';
import { accessTokenOf, askToLinkAccount, sayServiceUnavailable } from './alexa.js';
import { EVICTING_EVENTS, readRawBody, verifyWebhook, WebhookVerificationError } from './webhooks.js';

/** Where the interceptor leaves the link state in the request attributes (the user goes under `userAttribute`). */
export const STATE_ATTRIBUTE = 'alexaLinkHub';

const DEFAULTS = Object.freeze({
  timeoutMs: 3000,
  maxActiveTtlMs: 60_000,
  negativeTtlMs: 5_000,
  maxEntries: 10_000,
  userAttribute: 'user',
});

/**
 * The skill backend's side of AlexaLinkHub: turns the access token of an Alexa request into the linked user,
 * introspecting at most about once per user and minute, and forgets an answer as soon as a signed webhook says the
 * link ended.
 */
export class AlexaLinkHub {
  #options;
  #client;
  #cache;
  #inFlight = new Map();
  #stats = { hits: 0, introspections: 0, evictions: 0 };

  constructor(options) {
    for (const name of ['issuer', 'clientId', 'clientSecret']) {
      if (typeof options?.[name] !== 'string' || options[name].length === 0) throw new TypeError(`AlexaLinkHub: '${name}' is required.`);
    }
    this.#options = { ...DEFAULTS, ...options };
    this.#options.maxActiveTtlMs = Math.min(this.#options.maxActiveTtlMs, DEFAULTS.maxActiveTtlMs);
    this.#client = new IntrospectionClient(this.#options);
    this.#cache = new LinkCache(this.#options.maxEntries);
    this.requestInterceptor = { process: (handlerInput) => this.#intercept(handlerInput) };
    this.errorHandler = {
      canHandle: (_handlerInput, error) => error instanceof AccountNotLinkedError || error instanceof AlexaLinkHubUnavailableError,
      handle: (handlerInput, error) => this.respondTo(handlerInput, error),
    };
    this.webhookHandler = (req, res) => this.#serveWebhook(req, res);
  }

  get introspectionEndpoint() {
    return this.#client.endpoint;
  }

  /** Counters since start: cache hits, introspection calls made, answers evicted by webhooks. */
  get stats() {
    return { ...this.#stats, cached: this.#cache.size };
  }

  /**
   * What a token is worth right now: `{ status: 'linked', user }`, `{ status: 'not_linked', reason }` (no token, or
   * inactive) or `{ status: 'unavailable', error }`. Never throws for an outage.
   */
  async resolve(accessToken) {
    if (accessToken === null || accessToken === undefined || accessToken === '') return { status: 'not_linked', reason: 'no_token' };
    const key = createHash('sha256').update(accessToken).digest('base64url');
    const cached = this.#cache.get(key, Date.now());
    if (cached !== undefined) {
      this.#stats.hits++;
      return cached;
    }
    // Concurrent requests of one user share one call.
    let pending = this.#inFlight.get(key);
    if (pending === undefined) {
      pending = this.#introspect(key, accessToken).finally(() => this.#inFlight.delete(key));
      this.#inFlight.set(key, pending);
    }
    return pending;
  }

  /** The linked user of the request (set by the interceptor), or null. */
  userOf(handlerInput) {
    const state = this.stateOf(handlerInput);
    return state.status === 'linked' ? state.user : null;
  }

  stateOf(handlerInput) {
    const state = handlerInput.attributesManager.getRequestAttributes()[STATE_ATTRIBUTE];
    if (state === undefined) throw new TypeError('AlexaLinkHub: add linkHub.requestInterceptor to the skill builder first.');
    return state;
  }

  /**
   * The linked user, or an {@link AccountNotLinkedError} (no token, inactive, or `scope` not granted) or an
   * {@link AlexaLinkHubUnavailableError} — both answered by {@link errorHandler}.
   */
  requireUser(handlerInput, scope) {
    const state = this.stateOf(handlerInput);
    if (state.status === 'unavailable') throw state.error;
    if (state.status !== 'linked') throw new AccountNotLinkedError(state.reason);
    if (scope !== undefined && !state.user.scopes.includes(scope)) throw new AccountNotLinkedError('missing_scope', scope);
    return state.user;
  }

  /** The Alexa answer to one of the kit's errors: the LinkAccount card, or "can't reach the service right now". */
  respondTo(handlerInput, error) {
    const messages = this.#options.messages;
    if (error instanceof AlexaLinkHubUnavailableError) return sayServiceUnavailable(handlerInput, { messages });
    return askToLinkAccount(handlerInput, { reason: error?.reason, messages });
  }

  /**
   * Verifies and applies one webhook delivery. Returns the event (`evicted`: how many cached answers went); throws
   * {@link WebhookVerificationError} for a bad signature, a stale timestamp or missing headers — then nothing changes.
   */
  receiveWebhook(rawBody, headers) {
    if (typeof this.#options.webhookSecret !== 'string' || this.#options.webhookSecret.length === 0) {
      throw new TypeError('AlexaLinkHub: set webhookSecret (whsec_…) to receive webhooks.');
    }
    const event = verifyWebhook(this.#options.webhookSecret, rawBody, headers);
    let evicted = 0;
    const data = event.data ?? {};
    if (EVICTING_EVENTS.includes(event.type) && (data.clientId === undefined || data.clientId === null || data.clientId === this.#options.clientId)) {
      if (typeof data.userId === 'string' && data.userId.length > 0) {
        evicted = this.#cache.evictUser(data.userId);
      } else {
        evicted = this.#cache.size;
        this.#cache.clear();
      }
      this.#stats.evictions += evicted;
    }
    const received = { ...event, evicted };
    this.#options.onWebhookEvent?.(received);
    return received;
  }

  async #intercept(handlerInput) {
    const state = await this.resolve(accessTokenOf(handlerInput.requestEnvelope));
    const attributes = handlerInput.attributesManager.getRequestAttributes();
    attributes[STATE_ATTRIBUTE] = state;
    attributes[this.#options.userAttribute] = state.status === 'linked' ? state.user : null;
    handlerInput.attributesManager.setRequestAttributes(attributes);
  }

  async #introspect(key, accessToken) {
    const startedAt = this.#cache.epoch;
    this.#stats.introspections++;
    let answer;
    try {
      answer = await this.#client.introspect(accessToken);
    } catch (error) {
      if (error instanceof AlexaLinkHubUnavailableError) return { status: 'unavailable', error };
      throw error;
    }
    const now = Date.now();
    if (!answer.active) {
      const state = { status: 'not_linked', reason: 'inactive' };
      this.#cache.set(key, state, null, this.#options.negativeTtlMs, now, startedAt);
      return state;
    }
    const user = Object.freeze({
      sub: answer.sub,
      email: answer.email ?? null,
      name: answer.name ?? null,
      externalId: answer.external_id ?? null,
      scopes: Object.freeze(typeof answer.scope === 'string' ? answer.scope.split(' ').filter(Boolean) : []),
      clientId: answer.client_id ?? this.#options.clientId,
      tenant: answer.tenant ?? null,
      expiresAt: typeof answer.exp === 'number' ? new Date(answer.exp * 1000) : null,
    });
    const state = Object.freeze({ status: 'linked', user });
    // Until min(exp, 60 s): an expired token is never served from the cache, and anything a webhook might miss is
    // corrected within a minute.
    const ttl = Math.min(this.#options.maxActiveTtlMs, user.expiresAt === null ? Infinity : user.expiresAt.getTime() - now);
    this.#cache.set(key, state, typeof user.sub === 'string' ? user.sub : null, ttl, now, startedAt);
    return state;
  }

  async #serveWebhook(req, res) {
    let status;
    try {
      this.receiveWebhook(await readRawBody(req), req.headers);
      status = 204;
    } catch (error) {
      if (error instanceof WebhookVerificationError) status = 401;
      else if (error instanceof RangeError) status = 413;
      else if (error instanceof SyntaxError) status = 400;
      else {
        // A misconfiguration (no secret, a JSON parser in front) or the vendor's onWebhookEvent failed: AlexaLinkHub
        // retries a 5xx, so nothing is lost.
        console.error(`AlexaLinkHub webhook: ${error?.message}`);
        status = 500;
      }
    }
    res.statusCode = status;
    res.end();
  }
}
