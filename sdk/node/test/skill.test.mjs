// The kit in a real ask-sdk-core skill against a real AlexaLinkHub: real links, real introspection, real webhooks.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import Alexa from 'ask-sdk-core';
import { Webhook } from 'standardwebhooks';
import { AlexaLinkHub, AlexaLinkHubUnavailableError, messageFor } from '@alexalinkhub/ask-sdk';
import { LinkHubServer, freePort } from './support/linkhub-server.mjs';
import { envelope, said } from './support/envelopes.mjs';
import { answering503, listen, neverAnswering } from './support/http-stubs.mjs';

let server;
let carfu;
let hub;
let skill;
let receiver;
const seen = [];

/** A minimal skill as a vendor writes it with the kit. */
function buildSkill(linkHub) {
  const is = (type, intent) => (input) =>
    Alexa.getRequestType(input.requestEnvelope) === type && (intent === undefined || Alexa.getIntentName(input.requestEnvelope) === intent);
  return Alexa.SkillBuilders.custom()
    .addRequestInterceptors(linkHub.requestInterceptor)
    .addRequestHandlers(
      {
        canHandle: is('LaunchRequest'),
        handle(input) {
          seen.push(input.attributesManager.getRequestAttributes().user);
          const user = linkHub.requireUser(input);
          return input.responseBuilder.speak(`Hello ${user.name}`).reprompt('Where to?').getResponse();
        },
      },
      {
        canHandle: is('IntentRequest', 'OrderCarIntent'),
        handle(input) {
          const user = linkHub.requireUser(input, 'order_car');
          return input.responseBuilder.speak(`A car for ${user.externalId}`).withShouldEndSession(true).getResponse();
        },
      },
      { canHandle: is('SessionEndedRequest'), handle: (input) => input.responseBuilder.getResponse() },
    )
    .addErrorHandlers(linkHub.errorHandler)
    .create();
}

const ask = async (kind, options, target = skill) => said(await target.invoke(envelope(kind, options)));

/** Asks with the token until the skill answers with the LinkAccount card, or 20 s after `since` have passed. */
async function untilLinkAccountCard(token, since) {
  for (;;) {
    const answer = await ask('LaunchRequest', { accessToken: token });
    if (answer.linkAccountCard || performance.now() - since >= 20_000) return answer;
    await new Promise((r) => setTimeout(r, 10));
  }
}

before(async () => {
  server = await LinkHubServer.start();
  receiver = await listen((req, res) => (req.url === '/webhooks/alexalinkhub' && req.method === 'POST' ? hub.webhookHandler(req, res) : res.writeHead(404).end()));
  carfu = await server.arrangeCarFu({ webhookUrl: `${receiver.url}/webhooks/alexalinkhub` });
  hub = new AlexaLinkHub({ issuer: carfu.issuer, clientId: carfu.clientId, clientSecret: carfu.clientSecret, webhookSecret: carfu.webhookSecret });
  skill = buildSkill(hub);
});

after(async () => {
  await receiver?.close();
  await server?.stop();
});

test('a LaunchRequest of a linked user carries the user of the token in the request attributes', async () => {
  const token = await server.link(carfu);
  seen.length = 0;

  const answer = await ask('LaunchRequest', { accessToken: token });

  assert.equal(answer.speech, `Hello ${carfu.user.name}`);
  assert.equal(answer.linkAccountCard, false);
  const user = seen[0];
  assert.equal(user.sub, carfu.user.id);
  assert.equal(user.email, carfu.user.email);
  assert.equal(user.name, carfu.user.name);
  assert.equal(user.externalId, 'crm-42');
  assert.deepEqual([...user.scopes], ['order_car', 'basic_profile']);
  assert.equal(user.clientId, carfu.clientId);
});

test('a cache hit costs no introspection call: one call for a whole session of requests', async () => {
  const { user, token } = await server.linkNewUser(carfu);
  const before = await server.introspectionRequests(carfu.slug);

  assert.equal((await ask('LaunchRequest', { accessToken: token })).speech, `Hello ${carfu.user.name}`);
  assert.equal((await ask('OrderCarIntent', { accessToken: token })).speech, `A car for ${user.externalId}`);
  assert.equal((await ask('OrderCarIntent', { accessToken: token, locale: 'de-DE' })).speech, `A car for ${user.externalId}`);
  assert.equal((await ask('SessionEndedRequest', { accessToken: token })).linkAccountCard, false);
  await Promise.all(Array.from({ length: 10 }, () => ask('LaunchRequest', { accessToken: token })));

  assert.equal(await server.introspectionRequests(carfu.slug) - before, 1, 'fourteen requests, one introspection at the server');
});

test('concurrent first requests of a user share one introspection call', async () => {
  const { token } = await server.linkNewUser(carfu);
  const before = await server.introspectionRequests(carfu.slug);

  const answers = await Promise.all(Array.from({ length: 8 }, () => ask('LaunchRequest', { accessToken: token })));

  assert.ok(answers.every((a) => a.speech === `Hello ${carfu.user.name}`));
  assert.equal(await server.introspectionRequests(carfu.slug) - before, 1);
});

test('an active answer is asked again once its time in the cache is over', async () => {
  const shortLived = new AlexaLinkHub({ issuer: carfu.issuer, clientId: carfu.clientId, clientSecret: carfu.clientSecret, maxActiveTtlMs: 300 });
  const { token } = await server.linkNewUser(carfu);
  const before = await server.introspectionRequests(carfu.slug);

  assert.equal((await shortLived.resolve(token)).status, 'linked');
  assert.equal((await shortLived.resolve(token)).status, 'linked');
  await new Promise((r) => setTimeout(r, 400));
  assert.equal((await shortLived.resolve(token)).status, 'linked');

  assert.equal(await server.introspectionRequests(carfu.slug) - before, 2);
});

test('a request without a token gets the LinkAccount card, without calling AlexaLinkHub', async () => {
  const before = await server.introspectionRequests(carfu.slug);

  const launch = await ask('LaunchRequest', { accessToken: null });
  const order = await ask('OrderCarIntent', { accessToken: null });
  const ended = await ask('SessionEndedRequest', { accessToken: null });

  for (const answer of [launch, order]) {
    assert.equal(answer.linkAccountCard, true);
    assert.equal(answer.endsSession, true);
    assert.equal(answer.speech, messageFor('en-US', 'linkAccount'));
  }
  assert.equal(ended.linkAccountCard, false, 'nothing to say to a session that ended');
  assert.equal(await server.introspectionRequests(carfu.slug) - before, 0);
});

test('a token AlexaLinkHub does not know gets the LinkAccount card; the inactive answer is cached briefly', async () => {
  const before = await server.introspectionRequests(carfu.slug);

  const first = await ask('LaunchRequest', { accessToken: 'Atza|not-a-token-of-ours' });
  const second = await ask('OrderCarIntent', { accessToken: 'Atza|not-a-token-of-ours' });

  assert.equal(first.linkAccountCard, true);
  assert.equal(second.linkAccountCard, true);
  assert.equal(await server.introspectionRequests(carfu.slug) - before, 1);
});

test('OrderCarIntent without the order_car scope asks to link again', async () => {
  const { token } = await server.linkNewUser(carfu, 'basic_profile');

  const launch = await ask('LaunchRequest', { accessToken: token });
  const order = await ask('OrderCarIntent', { accessToken: token });

  assert.equal(launch.speech, `Hello ${carfu.user.name}`);
  assert.equal(order.linkAccountCard, true);
  assert.equal(order.speech, messageFor('en-US', 'missingScope'));
});

test('the kit speaks en-US, en-GB and de-DE', async () => {
  const english = await ask('LaunchRequest', { accessToken: null, locale: 'en-US' });
  const british = await ask('LaunchRequest', { accessToken: null, locale: 'en-GB' });
  const german = await ask('LaunchRequest', { accessToken: null, locale: 'de-DE' });

  assert.match(english.speech, /link your account in the Alexa app/);
  assert.match(british.speech, /link your account in the Alexa app/);
  assert.match(german.speech, /verknüpfe bitte dein Konto in der Alexa-App/);
  assert.match(messageFor('fr-FR', 'unavailable'), /joindre le service/);
});

test('a revocation in the admin API reaches the skill by webhook: the next request gets the LinkAccount card', async (t) => {
  const delays = [];
  for (let round = 0; round < 3; round++) {
    const { user, token } = await server.linkNewUser(carfu);
    assert.equal((await ask('LaunchRequest', { accessToken: token })).speech, `Hello ${carfu.user.name}`);
    const evictionsBefore = hub.stats.evictions;

    const revokedAt = performance.now();
    await server.revokeUser(carfu, user.id);
    const answer = await untilLinkAccountCard(token, revokedAt);
    delays.push(Math.round(performance.now() - revokedAt));

    assert.equal(answer.linkAccountCard, true, 'the revoked token stopped working');
    assert.ok(hub.stats.evictions > evictionsBefore, 'by the webhook, not by the cache running out (60 s)');
  }
  t.diagnostic(`revoke → LinkAccount card: ${delays.join(' ms, ')} ms`);
  assert.ok(Math.max(...delays) < 20_000);
});

test('disabling the user in the admin API reaches the skill by webhook (user.disabled): the next request gets the LinkAccount card', async () => {
  const { user, token } = await server.linkNewUser(carfu);
  assert.equal((await ask('LaunchRequest', { accessToken: token })).speech, `Hello ${carfu.user.name}`);
  const evictionsBefore = hub.stats.evictions;

  const disabledAt = performance.now();
  await server.disableUser(carfu, user.id);
  const answer = await untilLinkAccountCard(token, disabledAt);

  assert.equal(answer.linkAccountCard, true, 'the disabled user\'s token stopped working');
  assert.ok(hub.stats.evictions > evictionsBefore, 'by the webhook, not by the cache running out (60 s)');
});

test('a webhook with a bad signature is refused and evicts nothing', async () => {
  const { user, token } = await server.linkNewUser(carfu);
  assert.equal((await ask('LaunchRequest', { accessToken: token })).speech, `Hello ${carfu.user.name}`);
  const body = JSON.stringify({ type: 'token.revoked', timestamp: new Date().toISOString(), data: { clientId: carfu.clientId, userId: user.id, scopes: ['order_car'], reason: 'admin' } });
  const post = (headers) => fetch(`${receiver.url}/webhooks/alexalinkhub`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const signed = (secret, at) => ({ 'webhook-id': 'msg_forged', 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': new Webhook(secret).sign('msg_forged', at, body) });
  const before = await server.introspectionRequests(carfu.slug);

  assert.equal((await post(signed('whsec_' + Buffer.from('not the secret of this webhook').toString('base64'), new Date()))).status, 401);
  assert.equal((await post(signed(carfu.webhookSecret, new Date(Date.now() - 10 * 60_000)))).status, 401, 'a replayed (old) delivery');
  assert.equal((await post({})).status, 401, 'no signature at all');

  assert.equal((await ask('LaunchRequest', { accessToken: token })).speech, `Hello ${carfu.user.name}`);
  assert.equal(await server.introspectionRequests(carfu.slug) - before, 0, 'still served from the cache');
});

test('AlexaLinkHub down: a typed error, and the skill says it cannot reach the service instead of asking to link', async () => {
  const closedPort = await freePort();
  const down = new AlexaLinkHub({ issuer: `http://127.0.0.1:${closedPort}/t/${carfu.slug}`, clientId: carfu.clientId, clientSecret: carfu.clientSecret });

  const state = await down.resolve('some-token');
  const answer = await ask('LaunchRequest', { accessToken: 'some-token', locale: 'de-DE' }, buildSkill(down));

  assert.equal(state.status, 'unavailable');
  assert.ok(state.error instanceof AlexaLinkHubUnavailableError);
  assert.equal(state.error.reason, 'network');
  assert.equal(answer.linkAccountCard, false);
  assert.equal(answer.speech, messageFor('de-DE', 'unavailable'));
});

test('a 5xx from in front of AlexaLinkHub is a typed error and is not cached', async () => {
  const front = await answering503();
  try {
    const failing = new AlexaLinkHub({ issuer: `${front.url}/t/${carfu.slug}`, clientId: carfu.clientId, clientSecret: carfu.clientSecret });

    const first = await failing.resolve('some-token');
    const second = await failing.resolve('some-token');

    assert.equal(first.error.reason, 'server_error');
    assert.equal(first.error.status, 503);
    assert.equal(second.status, 'unavailable');
    assert.equal(front.calls.count, 2, 'an outage is asked again on the next request');
  } finally {
    await front.close();
  }
});

test('an introspection that takes too long is a typed timeout', async () => {
  const hung = await neverAnswering();
  try {
    const slow = new AlexaLinkHub({ issuer: `${hung.url}/t/${carfu.slug}`, clientId: carfu.clientId, clientSecret: carfu.clientSecret, timeoutMs: 300 });
    const startedAt = performance.now();

    const answer = await ask('LaunchRequest', { accessToken: 'some-token', locale: 'en-GB' }, buildSkill(slow));

    assert.ok(performance.now() - startedAt < 3000);
    assert.equal(answer.linkAccountCard, false);
    assert.equal(answer.speech, messageFor('en-GB', 'unavailable'));
    assert.equal((await slow.resolve('some-token')).error.reason, 'timeout');
  } finally {
    await hung.close();
  }
});

test('a wrong client secret is a typed error, not "not linked"', async () => {
  const misconfigured = new AlexaLinkHub({ issuer: carfu.issuer, clientId: carfu.clientId, clientSecret: `${carfu.clientSecret}x` });
  const { token } = await server.linkNewUser(carfu);

  const state = await misconfigured.resolve(token);

  assert.equal(state.status, 'unavailable');
  assert.equal(state.error.reason, 'client_authentication');
  assert.equal(state.error.status, 401);
});
