// A vendor's OpenID Connect provider for AlexaLinkHub's tests: real `oidc-provider` instances on loopback, one per
// behaviour. Clients register themselves (RFC 7591, open registration) with the tenant's callback URL. The login page
// asks for a login (an email, which becomes the subject and the email claim) and whether the email is verified; a
// Cancel button answers error=access_denied. Some instances misbehave on purpose, for the failure tests:
//   good         — a well-behaved provider
//   slow         — answers the token endpoint after SLOW_MS (longer than the client's timeout)
//   wrong-aud    — signs an id_token whose audience is someone else
//   wrong-iss    — signs an id_token whose issuer is someone else
//   wrong-nonce  — signs an id_token with another nonce
//   wrong-key    — publishes a key set whose key is not the one it signs with
// Prints one JSON line {"good":"http://127.0.0.1:port", ...} once every instance listens; stops with stdin.
import http from 'node:http';
import Provider from 'oidc-provider';
import { generateKeyPair, exportJWK, SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';

const SLOW_MS = Number(process.env.OIDC_IDP_SLOW_MS ?? 8000);
const MODES = ['good', 'slow', 'wrong-aud', 'wrong-iss', 'wrong-nonce', 'wrong-key'];
const accounts = new Map(); // accountId -> { email, emailVerified }

async function newKey(kid) {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
  return { privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }, jwk };
}

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(uid, prompt) {
  return `<!doctype html><html><head><title>Vendor sign-in</title><meta name="viewport" content="width=device-width"></head><body>
<h1>Vendor sign-in (${escape(prompt)})</h1>
<form method="post" action="/interaction/${escape(uid)}/login">
<label for="login">Email</label><input id="login" name="login" autocomplete="off">
<label><input type="checkbox" name="email_verified" value="true" checked> Email verified</label>
<button type="submit" id="idp-sign-in">Sign in</button>
</form>
<form method="post" action="/interaction/${escape(uid)}/abort"><button type="submit" id="idp-cancel">Cancel</button></form>
</body></html>`;
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

async function start(mode) {
  const key = await newKey('idp-key-1');
  const impostor = await newKey('idp-key-1');
  const server = http.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${server.address().port}`;

  const provider = new Provider(issuer, {
    jwks: { keys: [key.jwk] },
    features: {
      registration: { enabled: true },
      devInteractions: { enabled: false },
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['alh-oidc-idp-test-cookie-key'] },
    async findAccount(ctx, id) {
      const account = accounts.get(id) ?? { email: id, emailVerified: false };
      return {
        accountId: id,
        claims: async () => ({ sub: id, email: account.email, email_verified: account.emailVerified, name: `Vendor user ${account.email}` }),
      };
    },
  });
  provider.proxy = false;
  const callback = provider.callback();

  async function interaction(req, res, uid, action) {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(uid, details.prompt.name));
      return;
    }
    if (action === 'abort') {
      await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The user cancelled.' }, { mergeWithLastSubmission: false });
      return;
    }
    const form = await readForm(req);
    const accountId = (form.get('login') ?? '').trim();
    accounts.set(accountId, { email: accountId, emailVerified: form.get('email_verified') === 'true' });
    const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
    grant.addOIDCScope(String(details.params.scope ?? 'openid'));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
  }

  // Rewrites the id_token of a token response (re-signed with the real key): the misbehaving instances.
  async function tamper(idToken) {
    const header = decodeProtectedHeader(idToken);
    const claims = decodeJwt(idToken);
    if (mode === 'wrong-aud') claims.aud = 'someone-else';
    if (mode === 'wrong-iss') claims.iss = 'https://impostor.example';
    if (mode === 'wrong-nonce') claims.nonce = 'not-the-nonce-you-sent';
    return new SignJWT(claims).setProtectedHeader(header).sign(key.privateKey);
  }

  function rewriteTokenResponse(res) {
    const end = res.end.bind(res);
    res.end = (chunk, ...rest) => {
      const text = Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk ?? '');
      let body;
      try {
        body = JSON.parse(text);
      } catch {
        return end(chunk, ...rest);
      }
      if (!body.id_token) return end(chunk, ...rest);
      tamper(body.id_token).then((token) => {
        const out = JSON.stringify({ ...body, id_token: token });
        if (!res.headersSent) res.setHeader('content-length', Buffer.byteLength(out));
        end(out);
      });
      return res;
    };
  }

  server.on('request', async (req, res) => {
    try {
      const url = new URL(req.url, issuer);
      const match = /^\/interaction\/([^/]+)(?:\/(login|abort))?$/.exec(url.pathname);
      if (match) {
        await interaction(req, res, match[1], match[2]);
        return;
      }
      if (mode === 'wrong-key' && url.pathname === '/jwks') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [impostor.publicJwk] }));
        return;
      }
      if (url.pathname === '/token') {
        if (mode === 'slow') await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
        if (mode.startsWith('wrong-') && mode !== 'wrong-key') rewriteTokenResponse(res);
      }
      callback(req, res);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error?.message ?? error));
    }
  });
  return [mode, issuer];
}

const issuers = Object.fromEntries(await Promise.all(MODES.map(start)));
process.stdout.write(`${JSON.stringify(issuers)}\n`);
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
