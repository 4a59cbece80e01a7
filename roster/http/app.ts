import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { RosterError } from '../errors';
import { adminRoutes } from './adminRoutes';
import { consoleRoutes } from './consoleRoutes';
import { deskRoutes, joinRoute } from './deskRoutes';
import type { AppOptions } from './options';
import { syncRoutes } from './syncRoutes';

/** A 500-mutation batch of ordinary records is well under this; anything larger is refused with 413. */
const bodyLimit = 2 * 1024 * 1024;

const statusNames: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

export function buildApp(options: AppOptions): FastifyInstance {
  const app = Fastify({ bodyLimit, logger: { level: 'warn' } });

  // One error shape for every refusal, whether ours or Fastify's (bad JSON, body too large...).
  app.setErrorHandler((err: FastifyError | RosterError, request, reply) => {
    const status = err.statusCode ?? 500;
    if (status >= 500) {
      request.log.error(err);
      return reply.code(500).send({ error: 'internal', reason: 'internal error' });
    }
    const error = err instanceof RosterError ? err.code : (statusNames[status] ?? 'bad_request');
    return reply.code(status).send({ error, reason: err.message });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: 'not_found', reason: `no route ${request.method} ${request.url}` }),
  );

  // The desk in plain Chromium calls from its own origin. Access is by bearer token, never cookies,
  // so any origin may ask; the token is what decides.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('access-control-allow-origin', '*');
    if (request.method !== 'OPTIONS') return;
    return reply
      .code(204)
      .header('access-control-allow-methods', 'GET, POST')
      .header('access-control-allow-headers', 'authorization, content-type')
      .header('access-control-max-age', '600')
      .send();
  });

  app.get('/v1/health', async () => {
    await options.store.db.selectFrom('carriers').select('code').limit(1).execute();
    return { ok: true };
  });
  app.register(syncRoutes, options);
  app.register(joinRoute, options);
  app.register(deskRoutes, options);
  app.register(adminRoutes, options);
  app.register(consoleRoutes, options);
  return app;
}
