// Car Fu's skill backend: POST /alexa (Alexa JSON in and out) and POST /webhooks/alexalinkhub, configured only by
// the environment. Start: `npm ci && node server.mjs`.
import express from 'express';
import { ExpressAdapter } from 'ask-sdk-express-adapter';
import { AlexaLinkHub } from '@alexalinkhub/ask-sdk';
import { createSkill } from './skill.mjs';

const env = process.env;
const missing = ['ALEXALINKHUB_ISSUER', 'ALEXALINKHUB_CLIENT_ID', 'ALEXALINKHUB_CLIENT_SECRET', 'ALEXALINKHUB_WEBHOOK_SECRET'].filter((name) => !env[name]);
if (missing.length > 0) {
  console.error(`Car Fu: set ${missing.join(', ')}.`);
  process.exit(2);
}

const linkHub = new AlexaLinkHub({
  issuer: env.ALEXALINKHUB_ISSUER,
  clientId: env.ALEXALINKHUB_CLIENT_ID,
  clientSecret: env.ALEXALINKHUB_CLIENT_SECRET,
  webhookSecret: env.ALEXALINKHUB_WEBHOOK_SECRET,
});

// Amazon's request signature and timestamp are checked unless switched off explicitly, for local tests only.
const verify = env.ALEXA_VERIFY_SIGNATURE !== 'false';
const adapter = new ExpressAdapter(createSkill(linkHub), verify, verify);

const app = express();
app.disable('x-powered-by');
// Before any JSON body parser: the webhook signature covers the raw body.
app.post('/webhooks/alexalinkhub', linkHub.webhookHandler);
app.post('/alexa', adapter.getRequestHandlers());

const port = Number(env.PORT ?? 3000);
const server = app.listen(port, () => console.log(`Car Fu skill listening on port ${server.address().port} (signature verification ${verify ? 'on' : 'OFF'})`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
