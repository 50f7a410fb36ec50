// A real AlexaLinkHub for the Node tests: the built Web app (build/test.sh builds it; ALH_WEB_DLL points elsewhere) on
// a free loopback port with a fresh SQLite file, arranged through its admin API and linked through its real
// authorize → login → consent pages with plain HTTP, as a browser without JavaScript does.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const PLATFORM_KEY = 'alh_node-tests-platform-key-0000000000000000000000';
export const PASSWORD = 'correct horse battery';
export const ALEXA_REDIRECT = 'https://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA';

export async function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function webDll() {
  const dll = process.env.ALH_WEB_DLL ?? join(REPO_ROOT, 'src/Web/bin/Debug/net10.0/AlexaLinkHub.Web.dll');
  if (!existsSync(dll)) throw new Error(`No AlexaLinkHub build at ${dll}: run 'dotnet build src/Web' (build/test.sh does) or set ALH_WEB_DLL.`);
  return dll;
}

export class LinkHubServer {
  #process;
  #output = '';
  #work;

  static async start(settings = {}) {
    const server = new LinkHubServer();
    await server.#start(settings);
    return server;
  }

  async #start(settings) {
    this.#work = mkdtempSync(join(tmpdir(), 'alh-node-'));
    const port = await freePort();
    this.baseUrl = `http://127.0.0.1:${port}`;
    const dll = webDll();
    this.#process = spawn('dotnet', [dll], {
      cwd: dirname(dll),
      env: {
        ...process.env,
        ASPNETCORE_URLS: this.baseUrl,
        ASPNETCORE_ENVIRONMENT: 'Development',
        DOTNET_NOLOGO: '1',
        App__PublicBaseUrl: this.baseUrl,
        Database__Provider: 'Sqlite',
        ConnectionStrings__Default: `Data Source=${join(this.#work, 'alh.db')}`,
        Bootstrap__PlatformApiKey: PLATFORM_KEY,
        Bootstrap__AdminEmail: 'node-tests@example.com',
        Bootstrap__AdminPassword: 'node-tests-admin-password',
        Email__PickupDirectory: join(this.#work, 'mail'),
        Webhooks__AllowLoopback: 'true',
        RateLimits__AccountFormsPermitLimit: '1000',
        // The server's own request log is how the tests count introspection calls (one "Request starting" line each).
        'Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics': 'Information',
        Logging__Console__FormatterName: 'simple',
        ...settings,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#process.stdout.on('data', (chunk) => (this.#output += chunk));
    this.#process.stderr.on('data', (chunk) => (this.#output += chunk));
    const exited = new Promise((_, reject) => this.#process.once('exit', (code) => reject(new Error(`AlexaLinkHub exited (${code}):\n${this.#output}`))));
    exited.catch(() => {});
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const ready = await Promise.race([fetch(`${this.baseUrl}/health/ready`).then((r) => r.ok, () => false), exited]);
      if (ready) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    await this.stop();
    throw new Error(`AlexaLinkHub did not become ready:\n${this.#output}`);
  }

  get output() {
    return this.#output;
  }

  /** Introspection requests the server has logged for this tenant, once its (asynchronous) log has caught up. */
  async introspectionRequests(slug) {
    const needle = `Request starting HTTP/1.1 POST ${this.baseUrl}/t/${slug}/connect/introspect`;
    const count = () => this.#output.split(needle).length - 1;
    let last = -1;
    for (let stable = 0; stable < 3; ) {
      await new Promise((r) => setTimeout(r, 100));
      const now = count();
      stable = now === last ? stable + 1 : 0;
      last = now;
    }
    return last;
  }

  async api(method, path, body) {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${PLATFORM_KEY}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return text.length > 0 ? JSON.parse(text) : null;
  }

  /** A tenant with the Car Fu skill (scopes order_car and basic_profile), one user, and optionally a webhook. */
  async arrangeCarFu({ webhookUrl, externalId = 'crm-42' } = {}) {
    const slug = `carfu-${Math.random().toString(36).slice(2, 10)}`;
    await this.api('POST', '/tenants', { slug, displayName: 'Car Fu Rides' });
    const skill = await this.api('POST', `/tenants/${slug}/skills`, {
      name: 'Car Fu',
      clientId: `carfu-${slug}`,
      grantType: 'implicit',
      scopes: [
        { name: 'order_car', description: 'order a taxi on your behalf' },
        { name: 'basic_profile', description: 'read your name and email' },
      ],
      redirectUrls: [ALEXA_REDIRECT],
    });
    const user = await this.addUser(slug, { externalId });
    const webhook = webhookUrl === undefined ? null : await this.api('POST', `/tenants/${slug}/webhooks`, { url: webhookUrl, events: ['account.linked', 'account.unlinked', 'token.revoked', 'user.disabled'] });
    return { slug, issuer: `${this.baseUrl}/t/${slug}`, clientId: skill.clientId, clientSecret: skill.clientSecret, user, webhookSecret: webhook?.secret ?? null };
  }

  async addUser(slug, { name = 'Ann Example', externalId = null } = {}) {
    const email = `ann-${Math.random().toString(36).slice(2, 10)}@example.com`;
    const created = await this.api('POST', `/tenants/${slug}/users`, { email, password: PASSWORD, displayName: name, externalId });
    return { id: created.id, email, name, externalId };
  }

  /**
   * A new user of the tenant, linked: `{ user, token }`. Tests that count calls or evictions need a user of their own,
   * since a webhook names the user, not the token (another test's revocation would evict this test's answers too).
   */
  async linkNewUser(arranged, scope) {
    const user = await this.addUser(arranged.slug, { externalId: `crm-${Math.random().toString(36).slice(2, 10)}` });
    return { user, token: await this.link(arranged, user, scope) };
  }

  /** Links the user through the real flow and returns the access token Alexa would get. */
  async link(arranged, user = arranged.user, scope = 'order_car basic_profile') {
    const browser = new Browser(this.baseUrl);
    const query = new URLSearchParams({ state: 'xyz', client_id: arranged.clientId, scope, response_type: 'token', redirect_uri: ALEXA_REDIRECT });
    const authorize = `/t/${arranged.slug}/connect/authorize?${query}`;
    let page = await browser.get(authorize);
    if (page.status === 302) {
      const login = await browser.get(page.location);
      const signedIn = await browser.submit(login, { 'Input.Email': user.email, 'Input.Password': PASSWORD });
      if (signedIn.status !== 302) throw new Error(`Sign-in answered ${signedIn.status}: ${signedIn.html}`);
      page = await browser.get(signedIn.location);
    }
    if (page.status !== 200) throw new Error(`Expected the consent page, got ${page.status}: ${page.html}`);
    const decided = await browser.submit(page, { decision: 'allow' });
    const fragment = decided.location?.split('#')[1];
    const token = new URLSearchParams(fragment ?? '').get('access_token');
    if (decided.status !== 302 || !token) throw new Error(`Expected a redirect with a token, got ${decided.status} ${decided.location}`);
    return token;
  }

  async disableUser(arranged, userId) {
    return this.api('POST', `/tenants/${arranged.slug}/users/${userId}/disable`);
  }

  async revokeUser(arranged, userId = arranged.user.id) {
    return this.api('POST', `/tenants/${arranged.slug}/users/${userId}/revoke?clientId=${encodeURIComponent(arranged.clientId)}`);
  }

  async stop() {
    if (this.#process && this.#process.exitCode === null) {
      const exited = new Promise((r) => this.#process.once('exit', r));
      this.#process.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (this.#process.exitCode === null) this.#process.kill('SIGKILL');
    }
    if (this.#work) rmSync(this.#work, { recursive: true, force: true });
  }
}

/** Cookies kept, redirects not followed, forms read from the HTML and posted back with every named input. */
class Browser {
  #cookies = new Map();

  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  async get(url) {
    return this.#send(new URL(url, this.baseUrl), { method: 'GET' });
  }

  async submit(page, fields) {
    const form = /<form\b([^>]*)>([\s\S]*?)<\/form>/i.exec(page.html);
    if (!form) throw new Error(`No form on ${page.url}:\n${page.html}`);
    const action = /\baction="([^"]*)"/i.exec(form[1])?.[1];
    const values = new URLSearchParams();
    for (const input of form[2].matchAll(/<input\b([^>]*)>/gi)) {
      const name = /\bname="([^"]*)"/i.exec(input[1])?.[1];
      if (name === undefined || name in fields) continue;
      values.append(decode(name), decode(/\bvalue="([^"]*)"/i.exec(input[1])?.[1] ?? ''));
    }
    for (const [name, value] of Object.entries(fields)) values.append(name, value);
    const target = action ? new URL(decode(action), page.url) : page.url;
    return this.#send(target, { method: 'POST', body: values.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  async #send(url, init) {
    const cookie = [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...init.headers, ...(cookie ? { cookie } : {}) } });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const at = pair.indexOf('=');
      this.#cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    const location = response.headers.get('location');
    return { url, status: response.status, location: location === null ? null : new URL(location, url).href, html: await response.text() };
  }
}

function decode(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower];
  });
}
