// Compiled (never run) by types.test.mjs: a TypeScript skill uses the kit the way the README shows.
import * as Alexa from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { createServer } from 'node:http';
import {
  AccountNotLinkedError,
  AlexaLinkHub,
  AlexaLinkHubUnavailableError,
  askToLinkAccount,
  type LinkState,
  type LinkedUser,
} from '@alexalinkhub/ask-sdk';

const linkHub = new AlexaLinkHub({
  issuer: 'https://link.example.com/t/carfu',
  clientId: 'carfu-skill',
  clientSecret: 'secret',
  webhookSecret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  messages: { 'de-DE': { linkAccount: 'Bitte verknüpfe dein Konto.' } },
  onWebhookEvent: (event) => console.log(event.type, event.data.userId, event.evicted),
});

const launch: Alexa.RequestHandler = {
  canHandle: (input) => Alexa.getRequestType(input.requestEnvelope) === 'LaunchRequest',
  handle(input) {
    const user: LinkedUser = linkHub.requireUser(input, 'order_car');
    const scopes: readonly string[] = user.scopes;
    return input.responseBuilder.speak(`Hello ${user.name ?? user.email ?? user.sub}, ${scopes.length}`).getResponse();
  },
};

const fallback: Alexa.ErrorHandler = {
  canHandle: () => true,
  handle(input, error) {
    if (error instanceof AlexaLinkHubUnavailableError) return linkHub.respondTo(input, error);
    if (error instanceof AccountNotLinkedError && error.reason === 'missing_scope') return askToLinkAccount(input, { reason: error.reason });
    return input.responseBuilder.speak('Sorry.').getResponse();
  },
};

export const skill = Alexa.SkillBuilders.custom()
  .addRequestInterceptors(linkHub.requestInterceptor)
  .addRequestHandlers(launch)
  .addErrorHandlers(linkHub.errorHandler, fallback)
  .create();

export async function describe(envelope: RequestEnvelope): Promise<string> {
  const state: LinkState = await linkHub.resolve(envelope.context.System.user.accessToken);
  switch (state.status) {
    case 'linked':
      return state.user.sub;
    case 'not_linked':
      return state.reason;
    case 'unavailable':
      return `${state.error.reason} ${state.error.status ?? ''}`;
  }
}

createServer((req, res) => (req.url === '/webhooks/alexalinkhub' ? void linkHub.webhookHandler(req, res) : res.end()));
