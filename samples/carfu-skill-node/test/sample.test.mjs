// Car Fu end to end: `node server.mjs` as a vendor starts it (environment only), a real AlexaLinkHub, a real link,
// Alexa envelopes posted to POST /alexa through the real express adapter, real webhooks to POST /webhooks/alexalinkhub.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LinkHubServer, freePort } from '../../../sdk/node/test/support/linkhub-server.mjs';
import { envelope, said } from '../../../sdk/node/test/support/envelopes.mjs';

const SERVER = fileURLToPath(new URL('../server.mjs', import.meta.url));
let linkHub;
let carfu;
let skill;

/** Starts `node server.mjs` with this environment; resolves once it listens. */
async function startSample(env) {
  const port = env.PORT ?? String(await freePort());
  const child = spawn(process.execPath, [SERVER], { env: { PATH: process.env.PATH, ...env, PORT: port }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server.mjs exited (${code}): ${output}`)));
    child.stdout.on('data', () => output.includes('listening on port') && resolve());
  });
  child.removeAllListeners('exit');
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: () => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', resolve), child.kill('SIGTERM')))),
  };
}

const settingsFor = (arranged, extra = {}) => ({
  ALEXALINKHUB_ISSUER: arranged.issuer,
  ALEXALINKHUB_CLIENT_ID: arranged.clientId,
  ALEXALINKHUB_CLIENT_SECRET: arranged.clientSecret,
  ALEXALINKHUB_WEBHOOK_SECRET: arranged.webhookSecret,
  ALEXA_VERIFY_SIGNATURE: 'false',
  ...extra,
});

async function ask(kind, options, target = skill) {
  const response = await fetch(`${target.url}/alexa`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(envelope(kind, options)) });
  assert.equal(response.status, 200, await response.clone().text());
  return said(await response.json());
}

before(async () => {
  linkHub = await LinkHubServer.start();
  // The webhook needs the skill's address and the skill needs the webhook's secret: take the port first.
  const port = await freePort();
  carfu = await linkHub.arrangeCarFu({ webhookUrl: `http://127.0.0.1:${port}/webhooks/alexalinkhub` });
  skill = await startSample({ ...settingsFor(carfu), PORT: String(port) });
});

after(async () => {
  await skill?.stop();
  await linkHub?.stop();
});

test('LaunchRequest: "Hello {name}, where to?" to a linked user, in en-US, en-GB and de-DE', async () => {
  const { token } = await linkHub.linkNewUser(carfu);

  const english = await ask('LaunchRequest', { accessToken: token, locale: 'en-US' });
  const british = await ask('LaunchRequest', { accessToken: token, locale: 'en-GB' });
  const german = await ask('LaunchRequest', { accessToken: token, locale: 'de-DE' });

  assert.equal(english.version, '1.0');
  assert.equal(english.speech, `Hello ${carfu.user.name}, where to?`);
  assert.equal(british.speech, `Hello ${carfu.user.name}, where to?`);
  assert.equal(german.speech, `Hallo ${carfu.user.name}, wohin soll es gehen?`);
  assert.equal(english.endsSession, false);
  assert.equal(english.linkAccountCard, false);
});

test('OrderCarIntent orders with the order_car scope, localised, and costs no second introspection', async () => {
  const { token } = await linkHub.linkNewUser(carfu);
  const before = await linkHub.introspectionRequests(carfu.slug);

  const english = await ask('OrderCarIntent', { accessToken: token, locale: 'en-US' });
  const british = await ask('OrderCarIntent', { accessToken: token, locale: 'en-GB' });
  const german = await ask('OrderCarIntent', { accessToken: token, locale: 'de-DE' });
  const ended = await ask('SessionEndedRequest', { accessToken: token });

  assert.equal(english.speech, `Okay ${carfu.user.name}, a car to the airport is on its way.`);
  assert.equal(british.speech, `Right then ${carfu.user.name}, a taxi to the airport is on its way.`);
  assert.equal(german.speech, `Alles klar ${carfu.user.name}, ein Wagen nach the airport ist unterwegs.`);
  assert.equal(english.endsSession, true);
  assert.equal(ended.speech, '');
  assert.equal(await linkHub.introspectionRequests(carfu.slug) - before, 1);
});

test('OrderCarIntent without the order_car scope gets the LinkAccount card asking to link again', async () => {
  const { token } = await linkHub.linkNewUser(carfu, 'basic_profile');

  const launch = await ask('LaunchRequest', { accessToken: token });
  const order = await ask('OrderCarIntent', { accessToken: token, locale: 'de-DE' });

  assert.equal(launch.speech, `Hello ${carfu.user.name}, where to?`);
  assert.equal(order.linkAccountCard, true);
  assert.match(order.speech, /Berechtigungen.*erneut/);
});

test('no token: the LinkAccount card in the user\'s language', async () => {
  const english = await ask('LaunchRequest', { accessToken: null, locale: 'en-US' });
  const british = await ask('OrderCarIntent', { accessToken: null, locale: 'en-GB' });
  const german = await ask('LaunchRequest', { accessToken: null, locale: 'de-DE' });
  const ended = await ask('SessionEndedRequest', { accessToken: null });

  for (const answer of [english, british, german]) {
    assert.equal(answer.linkAccountCard, true);
    assert.equal(answer.endsSession, true);
  }
  assert.match(english.speech, /link your account in the Alexa app/);
  assert.match(british.speech, /link your account in the Alexa app/);
  assert.match(german.speech, /Konto in der Alexa-App/);
  assert.equal(ended.linkAccountCard, false);
});

test('revoked in the admin API: the next request gets the LinkAccount card within moments', async (t) => {
  const { user, token } = await linkHub.linkNewUser(carfu);
  assert.equal((await ask('LaunchRequest', { accessToken: token })).linkAccountCard, false);

  const revokedAt = performance.now();
  await linkHub.revokeUser(carfu, user.id);
  let answer;
  do answer = await ask('LaunchRequest', { accessToken: token });
  while (!answer.linkAccountCard && performance.now() - revokedAt < 20_000);
  const delay = Math.round(performance.now() - revokedAt);
  t.diagnostic(`revoke → LinkAccount card at the sample: ${delay} ms`);

  assert.equal(answer.linkAccountCard, true);
  assert.ok(delay < 20_000, 'the webhook evicted the cached answer (the cache alone would keep it for 60 s)');
});

test('AlexaLinkHub unreachable: "can\'t reach the service right now", not the LinkAccount card', async () => {
  const closed = await freePort();
  const cut = await startSample(settingsFor({ ...carfu, issuer: `http://127.0.0.1:${closed}/t/${carfu.slug}` }));
  try {
    const english = await ask('LaunchRequest', { accessToken: 'a-token-Alexa-sent', locale: 'en-US' }, cut);
    const german = await ask('OrderCarIntent', { accessToken: 'a-token-Alexa-sent', locale: 'de-DE' }, cut);

    assert.equal(english.linkAccountCard, false);
    assert.match(english.speech, /can't reach the service right now/);
    assert.match(german.speech, /Dienst gerade nicht erreichen/);
    assert.equal(german.linkAccountCard, false);
  } finally {
    await cut.stop();
  }
});

test('Amazon\'s request signature is checked unless ALEXA_VERIFY_SIGNATURE=false', async () => {
  const strict = await startSample(settingsFor(carfu, { ALEXA_VERIFY_SIGNATURE: undefined }));
  try {
    const response = await fetch(`${strict.url}/alexa`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(envelope('LaunchRequest')) });

    assert.equal(response.status, 400);
    assert.match(await response.text(), /Request verification failed.*Missing Certificate/);
    assert.match(strict.output(), /signature verification on/);
  } finally {
    await strict.stop();
  }
});

test('a webhook with a bad signature is refused by the sample', async () => {
  const body = JSON.stringify({ type: 'token.revoked', data: { clientId: carfu.clientId, userId: carfu.user.id } });

  const response = await fetch(`${skill.url}/webhooks/alexalinkhub`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'webhook-id': 'msg_x', 'webhook-timestamp': String(Math.floor(Date.now() / 1000)), 'webhook-signature': 'v1,AAAA' },
    body,
  });

  assert.equal(response.status, 401);
});

test('the sample refuses to start without its settings', async () => {
  await assert.rejects(startSample({ ALEXALINKHUB_ISSUER: carfu.issuer }), /set ALEXALINKHUB_CLIENT_ID, ALEXALINKHUB_CLIENT_SECRET, ALEXALINKHUB_WEBHOOK_SECRET/);
});
