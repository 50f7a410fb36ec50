import type { HandlerInput, ErrorHandler, RequestInterceptor } from 'ask-sdk-core';
import type { RequestEnvelope, Response } from 'ask-sdk-model';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Who the request's access token belongs to, from AlexaLinkHub's introspection answer. */
export interface LinkedUser {
  /** The end user's id in AlexaLinkHub (`sub`; `data.userId` in webhooks). */
  readonly sub: string;
  readonly email: string | null;
  readonly name: string | null;
  /** The vendor's own id of this user (`external_id`), when the vendor set one. */
  readonly externalId: string | null;
  /** The scopes the user granted (`order_car`, …). */
  readonly scopes: readonly string[];
  readonly clientId: string;
  readonly tenant: string | null;
  readonly expiresAt: Date | null;
}

export type NotLinkedReason = 'no_token' | 'inactive' | 'missing_scope';
export type UnavailableReason = 'timeout' | 'network' | 'server_error' | 'client_authentication' | 'unexpected_response';

export type LinkState =
  | { readonly status: 'linked'; readonly user: LinkedUser }
  | { readonly status: 'not_linked'; readonly reason: 'no_token' | 'inactive' }
  | { readonly status: 'unavailable'; readonly error: AlexaLinkHubUnavailableError };

/** `{ "en": { "linkAccount": "…", "missingScope": "…", "unavailable": "…" }, "de-DE": { … } }` */
export type Messages = Record<string, Partial<Record<'linkAccount' | 'missingScope' | 'unavailable', string>>>;

export interface WebhookEvent {
  readonly id: string;
  readonly type: string;
  readonly timestamp: string;
  readonly data: { readonly clientId: string | null; readonly userId: string | null; readonly scopes: readonly string[]; readonly reason: string | null };
  /** How many cached answers this event evicted. */
  readonly evicted: number;
}

export interface AlexaLinkHubOptions {
  /** The tenant issuer, `https://host/t/{slug}` (http: only on a loopback address). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The webhook's signing secret (`whsec_…`), needed by {@link AlexaLinkHub.webhookHandler}. */
  webhookSecret?: string;
  /** Time limit of one introspection call (default 3000 ms). */
  timeoutMs?: number;
  /** How long an active answer is kept, at most 60 000 ms and never beyond the token's `exp`. */
  maxActiveTtlMs?: number;
  /** How long an inactive answer is kept (default 5000 ms). */
  negativeTtlMs?: number;
  /** Cached answers kept at most; the least recently used goes first (default 10 000). */
  maxEntries?: number;
  /** The request attribute that holds the {@link LinkedUser} (default `user`). */
  userAttribute?: string;
  /** Texts that replace the kit's own, per language or locale. */
  messages?: Messages;
  /** Called after each verified webhook, e.g. to drop the vendor's own data about the user. */
  onWebhookEvent?: (event: WebhookEvent) => void;
  /** A fetch implementation (default: the global one). */
  fetch?: typeof fetch;
}

export declare const STATE_ATTRIBUTE: 'alexaLinkHub';

export declare class AlexaLinkHub {
  constructor(options: AlexaLinkHubOptions);
  /** Resolves the request's token and puts the {@link LinkState} and the {@link LinkedUser} (or null) into the request attributes. */
  readonly requestInterceptor: RequestInterceptor;
  /** Answers {@link AccountNotLinkedError} with the LinkAccount card and {@link AlexaLinkHubUnavailableError} with "can't reach the service". */
  readonly errorHandler: ErrorHandler;
  /** `POST` handler for AlexaLinkHub's webhooks (node:http or express, before any JSON body parser): 204, or 401 for a bad signature. */
  readonly webhookHandler: (req: IncomingMessage & { body?: unknown }, res: ServerResponse) => Promise<void>;
  readonly introspectionEndpoint: string;
  readonly stats: { readonly hits: number; readonly introspections: number; readonly evictions: number; readonly cached: number };
  resolve(accessToken: string | null | undefined): Promise<LinkState>;
  stateOf(handlerInput: HandlerInput): LinkState;
  userOf(handlerInput: HandlerInput): LinkedUser | null;
  /** The linked user (with `scope` granted, when given), else throws {@link AccountNotLinkedError} or {@link AlexaLinkHubUnavailableError}. */
  requireUser(handlerInput: HandlerInput, scope?: string): LinkedUser;
  respondTo(handlerInput: HandlerInput, error: AccountNotLinkedError | AlexaLinkHubUnavailableError): Response;
  receiveWebhook(rawBody: string | Buffer, headers: Record<string, string | string[] | undefined> | Headers): WebhookEvent;
}

export declare class AlexaLinkHubError extends Error {}
export declare class AccountNotLinkedError extends AlexaLinkHubError {
  readonly reason: NotLinkedReason;
  readonly scope: string | null;
}
export declare class AlexaLinkHubUnavailableError extends AlexaLinkHubError {
  readonly reason: UnavailableReason;
  readonly status: number | null;
}
export declare class WebhookVerificationError extends Error {}

export declare const EVICTING_EVENTS: readonly ['token.revoked', 'account.unlinked', 'user.disabled'];
export declare const supportedLanguages: readonly string[];
export declare function accessTokenOf(requestEnvelope: RequestEnvelope): string | null;
export declare function localeOf(requestEnvelope: RequestEnvelope): string;
export declare function messageFor(locale: string, key: 'linkAccount' | 'missingScope' | 'unavailable', overrides?: Messages): string;
export declare function askToLinkAccount(handlerInput: HandlerInput, options?: { reason?: NotLinkedReason; messages?: Messages }): Response;
export declare function sayServiceUnavailable(handlerInput: HandlerInput, options?: { messages?: Messages }): Response;
export declare function verifyWebhook(secret: string, rawBody: string | Buffer, headers: Record<string, string | string[] | undefined> | Headers): Omit<WebhookEvent, 'evicted'>;
