// Benchmark (not a test): with a real AlexaLinkHub and a real ask-sdk-core skill using the kit,
//   1. revoke → the next skill request gets the LinkAccount card: the delay, over N revocations (median, max);
//   2. steady traffic of one user for S seconds: the server's introspection calls per user per minute.
// Usage: node bench/revocation-delay.mjs [rounds=10] [seconds=70]   (ALH_WEB_DLL: the Web app to start)
import Alexa from 'ask-sdk-core';
import { AlexaLinkHub } from '../src/index.js';
import { LinkHubServer } from '../test/support/linkhub-server.mjs';
import { envelope } from '../test/support/envelopes.mjs';
import { listen } from '../test/support/http-stubs.mjs';

const rounds = Number(process.argv[2] ?? 10);
const seconds = Number(process.argv[3] ?? 70);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

const server = await LinkHubServer.start();
let hub;
const receiver = await listen((req, res) => hub.webhookHandler(req, res));
try {
  const carfu = await server.arrangeCarFu({ webhookUrl: `${receiver.url}/webhooks/alexalinkhub` });
  hub = new AlexaLinkHub({ issuer: carfu.issuer, clientId: carfu.clientId, clientSecret: carfu.clientSecret, webhookSecret: carfu.webhookSecret });
  const skill = Alexa.SkillBuilders.custom()
    .addRequestInterceptors(hub.requestInterceptor)
    .addRequestHandlers({ canHandle: () => true, handle: (input) => input.responseBuilder.speak(`Hello ${hub.requireUser(input).name}`).getResponse() })
    .addErrorHandlers(hub.errorHandler)
    .create();
  const linkCard = async (token) => (await skill.invoke(envelope('LaunchRequest', { accessToken: token }))).response.card?.type === 'LinkAccount';

  const delays = [];
  for (let round = 0; round < rounds; round++) {
    const { user, token } = await server.linkNewUser(carfu);
    if (await linkCard(token)) throw new Error('a fresh link got the LinkAccount card');
    const revokedAt = performance.now();
    await server.revokeUser(carfu, user.id);
    while (!(await linkCard(token))) {
      if (performance.now() - revokedAt > 70_000) throw new Error('the revoked token still works after 70 s');
      await new Promise((r) => setTimeout(r, 5));
    }
    delays.push(performance.now() - revokedAt);
  }
  console.log(`revoke → LinkAccount card over ${rounds} revocations: median ${median(delays).toFixed(0)} ms, max ${Math.max(...delays).toFixed(0)} ms (${delays.map((d) => d.toFixed(0)).join(' ')})`);

  const { token } = await server.linkNewUser(carfu);
  const before = await server.introspectionRequests(carfu.slug);
  let requests = 0;
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    if (await linkCard(token)) throw new Error('a linked user got the LinkAccount card');
    requests++;
    await new Promise((r) => setTimeout(r, 100));
  }
  const calls = (await server.introspectionRequests(carfu.slug)) - before;
  console.log(`steady traffic: ${requests} skill requests of one user in ${seconds} s → ${calls} introspection calls at the server (${((calls * 60) / seconds).toFixed(2)} per user per minute)`);
} finally {
  await receiver.close();
  await server.stop();
}
