import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Account, accountOfSession, csrfToken, sessionLifetimeMs, signIn, signOut } from '../auth/accounts';
import { readAudit } from '../auth/audit';
import { scopedFigures } from '../auth/scopedFigures';
import { creditCodeFindingsInScope, founderFindingsInScope } from '../auth/scopedFindings';
import { publishedTemplates, publishTemplateVersion, retireTemplate } from '../auth/scopedTemplates';
import {
  carrierResidents,
  createCarrierInScope,
  keyProjectInScope,
  listCarriers,
  regionMismatches,
  revealIdNumber,
  joinCodeInScope,
  rotateTokenInScope,
  setStatusInScope,
  verificationQueue,
  verifyInScope,
} from '../auth/scopedRoster';
import { RosterError } from '../errors';
import type { AppOptions } from './options';

/** Where `npx vite build -c roster/console/vite.config.ts` puts the console's bundle. */
export const consoleDist = fileURLToPath(new URL('../../dist/console', import.meta.url));

const cookieName = 'console_session';
/** Every state-changing request carries it: a form or a plain link from another site cannot. */
export const csrfHeader = 'x-console-csrf';

function sessionIdOf(request: FastifyRequest): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === cookieName) return value.join('=');
  }
  return undefined;
}

function sessionCookie(request: FastifyRequest, value: string, maxAgeSeconds: number): string {
  // Behind the reverse proxy the service sees plain http; the proxy says what the browser used.
  const https = request.protocol === 'https' || request.headers['x-forwarded-proto'] === 'https';
  return `${cookieName}=${value}; Path=/console; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${https ? '; Secure' : ''}`;
}

declare module 'fastify' {
  interface FastifyRequest {
    consoleAccount?: Account;
  }
}

const signedIn = (request: FastifyRequest): Account => {
  if (!request.consoleAccount) throw new RosterError(401, 'unauthorized', 'not signed in');
  return request.consoleAccount;
};

export async function consoleRoutes(app: FastifyInstance, options: AppOptions): Promise<void> {
  const { store } = options;

  // Registered inside this plugin: signs in the request and refuses a state change without the token.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (!request.url.startsWith('/console/api/')) return;
    const isSignIn = request.url === '/console/api/session' && request.method === 'POST';
    if (request.method !== 'GET' && request.headers[csrfHeader] === undefined) {
      throw new RosterError(403, 'csrf', `state-changing console requests need the ${csrfHeader} header`);
    }
    if (isSignIn) return;
    const sessionId = sessionIdOf(request);
    request.consoleAccount = await accountOfSession(store, sessionId);
    if (request.method !== 'GET' && request.headers[csrfHeader] !== csrfToken(sessionId!)) {
      throw new RosterError(403, 'csrf', 'missing or wrong console token: reload the page');
    }
  });

  const me = (account: Account, sessionId: string) => ({ ...account, csrf: csrfToken(sessionId) });

  app.post('/console/api/session', async (request, reply) => {
    const { sessionId, account } = await signIn(store, request.body, request.ip);
    reply.header('set-cookie', sessionCookie(request, sessionId, sessionLifetimeMs / 1000));
    return me(account, sessionId);
  });
  app.get('/console/api/session', async (request) => me(signedIn(request), sessionIdOf(request)!));
  app.post('/console/api/session/end', async (request, reply) => {
    await signOut(store, sessionIdOf(request)!);
    reply.header('set-cookie', sessionCookie(request, '', 0));
    return { ok: true };
  });

  type CarrierParams = { code: string };
  type StartupParams = CarrierParams & { startupId: string };
  app.get('/console/api/carriers', async (request) => listCarriers(store, signedIn(request), request.query));
  app.post('/console/api/carriers', async (request, reply) =>
    reply.code(201).send(await createCarrierInScope(store, signedIn(request), request.body)),
  );
  app.get<{ Params: CarrierParams }>('/console/api/carriers/:code', async (request) =>
    carrierResidents(store, signedIn(request), request.params.code),
  );
  app.post<{ Params: CarrierParams }>('/console/api/carriers/:code/token', async (request) =>
    rotateTokenInScope(store, signedIn(request), request.params.code),
  );
  app.post<{ Params: CarrierParams }>('/console/api/carriers/:code/join-code', async (request) =>
    joinCodeInScope(store, signedIn(request), request.params.code),
  );
  app.post<{ Params: CarrierParams }>('/console/api/carriers/:code/status', async (request) =>
    setStatusInScope(store, signedIn(request), request.params.code, request.body),
  );
  app.post<{ Params: StartupParams }>('/console/api/carriers/:code/startups/:startupId/verification', async (request) =>
    verifyInScope(store, signedIn(request), request.params.code, request.params.startupId, request.body),
  );
  app.post<{ Params: StartupParams }>('/console/api/carriers/:code/startups/:startupId/key-project', async (request) =>
    keyProjectInScope(store, signedIn(request), request.params.code, request.params.startupId, request.body),
  );
  app.post<{ Params: CarrierParams & { founderId: string } }>('/console/api/carriers/:code/founders/:founderId/reveal', async (request) =>
    revealIdNumber(store, signedIn(request), request.params.code, request.params.founderId),
  );
  app.get('/console/api/verification-queue', async (request) => verificationQueue(store, signedIn(request), request.query));
  app.get('/console/api/findings/credit-codes', async (request) => creditCodeFindingsInScope(store, signedIn(request), request.query));
  app.get('/console/api/findings/founders', async (request) => founderFindingsInScope(store, signedIn(request), request.query));
  app.get('/console/api/findings/regions', async (request) => ({ carriers: await regionMismatches(store, signedIn(request)) }));
  app.get('/console/api/figures', async (request) => scopedFigures(store, signedIn(request), request.query));
  app.get('/console/api/templates', async (request) => {
    signedIn(request);
    return { templates: await publishedTemplates(store) };
  });
  app.post('/console/api/templates', async (request, reply) => reply.code(201).send(await publishTemplateVersion(store, signedIn(request), request.body)));
  app.post<{ Params: { id: string } }>('/console/api/templates/:id/retire', async (request) => retireTemplate(store, signedIn(request), request.params.id, request.body));
  app.get('/console/api/audit', async (request) => ({ entries: await readAudit(store, signedIn(request)) }));

  serveBundle(app);
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Only the files the build wrote, listed once at start: no path from a request ever reaches the disk. */
function bundleFiles(): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(consoleDist)) return files;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(`/${relative(consoleDist, path).split('\\').join('/')}`, path);
    }
  };
  walk(consoleDist);
  return files;
}

function serveBundle(app: FastifyInstance): void {
  const files = bundleFiles();
  const send = (reply: FastifyReply, path: string) =>
    reply
      .type(contentTypes[extname(path)] ?? 'application/octet-stream')
      // The page's own policy is in its <meta>; framing can only be refused by a header.
      .header('content-security-policy', "frame-ancestors 'none'")
      .header('x-content-type-options', 'nosniff')
      .header('x-frame-options', 'DENY')
      .send(readFileSync(path));
  const page = (request: FastifyRequest, reply: FastifyReply) => {
    const wanted = request.url.slice('/console'.length).split('?')[0] ?? '';
    if (wanted.startsWith('/api/')) throw new RosterError(404, 'not_found', `no route ${request.method} ${request.url}`);
    const file = files.get(wanted);
    if (file) return send(reply, file);
    const index = files.get('/index.html');
    if (!index) throw new RosterError(404, 'not_found', 'console not built: npx vite build -c roster/console/vite.config.ts');
    // The console's own routes (/console/carriers/…) are pages of the one bundle.
    return send(reply, index);
  };
  app.get('/console', page);
  app.get('/console/*', page);
}
