import { AlexaLinkHubUnavailableError } from './errors.js';

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

/**
 * Checks the tenant issuer (`https://host/t/{slug}`) and returns it without a trailing slash. Plain `http:` only for
 * a loopback host: tokens and the client secret must not cross a network in clear text.
 */
export function normaliseIssuer(issuer) {
  let url;
  try {
    url = new URL(issuer);
  } catch {
    throw new TypeError(`The issuer '${issuer}' is not an absolute URL.`);
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new TypeError(`The issuer must be an https: URL (http: only on a loopback address), got '${issuer}'.`);
  }
  if (url.search || url.hash) throw new TypeError(`The issuer must not have a query or fragment, got '${issuer}'.`);
  return url.href.replace(/\/+$/, '');
}

/**
 * RFC 7662 introspection at the tenant's endpoint, authenticated as the skill with HTTP Basic (RFC 6749 §2.3.1:
 * both parts form-urlencoded first). Resolves to the answer's JSON; anything but a clean 200 is an
 * {@link AlexaLinkHubUnavailableError}.
 */
export class IntrospectionClient {
  #endpoint;
  #authorization;
  #timeoutMs;
  #fetch;

  constructor({ issuer, clientId, clientSecret, timeoutMs, fetch: fetchImpl }) {
    // The endpoint is part of AlexaLinkHub's public URL contract: `{issuer}/connect/introspect`.
    this.#endpoint = `${normaliseIssuer(issuer)}/connect/introspect`;
    const encode = (value) => encodeURIComponent(value).replace(/%20/g, '+');
    this.#authorization = `Basic ${Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString('base64')}`;
    this.#timeoutMs = timeoutMs;
    this.#fetch = fetchImpl ?? globalThis.fetch;
  }

  get endpoint() {
    return this.#endpoint;
  }

  async introspect(token) {
    let response;
    try {
      response = await this.#fetch(this.#endpoint, {
        method: 'POST',
        headers: {
          authorization: this.#authorization,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({ token, token_type_hint: 'access_token' }).toString(),
        signal: AbortSignal.timeout(this.#timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      if (error?.name === 'TimeoutError' || error?.name === 'AbortError') {
        throw new AlexaLinkHubUnavailableError('timeout', `AlexaLinkHub did not answer within ${this.#timeoutMs} ms.`, { cause: error });
      }
      throw new AlexaLinkHubUnavailableError('network', `AlexaLinkHub could not be reached (${error?.cause?.code ?? error?.message}).`, { cause: error });
    }

    let text;
    try {
      text = await response.text();
    } catch (error) {
      const reason = error?.name === 'TimeoutError' || error?.name === 'AbortError' ? 'timeout' : 'network';
      throw new AlexaLinkHubUnavailableError(reason, 'The introspection answer was cut off.', { cause: error, status: response.status });
    }
    if (response.status >= 500) {
      throw new AlexaLinkHubUnavailableError('server_error', `AlexaLinkHub answered ${response.status}.`, { status: response.status });
    }
    if (response.status === 401) {
      // invalid_client: a wrong client id or secret in this backend's configuration — not the user's fault.
      throw new AlexaLinkHubUnavailableError('client_authentication', 'AlexaLinkHub refused the skill\'s client credentials (401 invalid_client).', { status: 401 });
    }
    if (response.status !== 200) {
      throw new AlexaLinkHubUnavailableError('unexpected_response', `AlexaLinkHub answered ${response.status} to introspection.`, { status: response.status });
    }
    let body;
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw new AlexaLinkHubUnavailableError('unexpected_response', 'The introspection answer is not JSON.', { cause: error, status: 200 });
    }
    if (typeof body?.active !== 'boolean') {
      throw new AlexaLinkHubUnavailableError('unexpected_response', 'The introspection answer has no "active" member (RFC 7662 §2.2).', { status: 200 });
    }
    return body;
  }
}
