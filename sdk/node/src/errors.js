/** Every error the kit raises on purpose derives from this one. */
export class AlexaLinkHubError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * The request has no working link: no token (`no_token`), a token AlexaLinkHub no longer accepts (`inactive`), or a
 * token without a scope the intent needs (`missing_scope`). The answer is the LinkAccount card.
 */
export class AccountNotLinkedError extends AlexaLinkHubError {
  constructor(reason, scope) {
    super(reason === 'missing_scope' ? `The linked account has not granted the scope '${scope}'.` : `The account is not linked (${reason}).`);
    this.reason = reason;
    this.scope = scope ?? null;
  }
}

/**
 * AlexaLinkHub could not say whether the token works: a timeout, no connection, a 5xx, a refused client
 * authentication or an answer that is not RFC 7662. The user may well still be linked, so this is never "not linked";
 * the answer is "can't reach the service right now".
 */
export class AlexaLinkHubUnavailableError extends AlexaLinkHubError {
  constructor(reason, message, options) {
    super(message, options);
    this.reason = reason;
    this.status = options?.status ?? null;
  }
}
