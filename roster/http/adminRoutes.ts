import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  createCarrier,
  designateKeyProject,
  publishTemplate,
  reissueToken,
  requireCarrier,
  setCarrierStatus,
  verifyStartup,
} from '../admin/actions';
import { carrierCount, regionCounts } from '../admin/counts';
import { creditCodeFindings, founderFindings } from '../admin/findings';
import {
  carrierCode,
  carrierInput,
  carrierStatusInput,
  creditCodeQuery,
  findingsQuery,
  keyProjectInput,
  regionInput,
  templateInput,
  verificationInput,
} from '../admin/inputs';
import { creditCodeHolders } from '../admin/lookup';
import { createJoinCode } from '../store/desks';
import { mutationSchema } from '@core/sync/protocol';
import { parseInput, RosterError } from '../errors';
import { storable } from '../storableText';
import { publishSupportRules, supportRulesInput } from '../store/supportRules';
import { bearerToken, sameSecret } from '../store/tokens';
import type { AppOptions } from './options';

const carrierParams = z.object({ code: carrierCode });
const startupParams = storable(carrierParams.extend({ startupId: mutationSchema.shape.recordId }));

export async function adminRoutes(app: FastifyInstance, options: AppOptions): Promise<void> {
  const { store, adminToken } = options;

  // Registered inside this plugin, so the hook guards the admin routes only.
  app.addHook('onRequest', async (request) => {
    if (!adminToken) throw new RosterError(403, 'forbidden', 'admin API disabled: start the roster with ROSTER_ADMIN_TOKEN');
    if (!sameSecret(bearerToken(request.headers.authorization), adminToken)) {
      throw new RosterError(401, 'unauthorized', 'wrong admin token');
    }
  });

  app.post('/v1/admin/carriers', async (request, reply) =>
    reply.code(201).send(await createCarrier(store, parseInput(carrierInput, request.body))),
  );
  app.post('/v1/admin/carriers/:code/token', async (request) =>
    reissueToken(store, parseInput(carrierParams, request.params).code),
  );
  app.post('/v1/admin/carriers/:code/join-codes', async (request) =>
    createJoinCode(store, await requireCarrier(store, parseInput(carrierParams, request.params).code), (options.now ?? (() => new Date()))()),
  );
  app.post('/v1/admin/carriers/:code/status', async (request) =>
    setCarrierStatus(store, parseInput(carrierParams, request.params).code, parseInput(carrierStatusInput, request.body)),
  );
  app.post('/v1/admin/carriers/:code/startups/:startupId/verification', async (request) => {
    const { code, startupId } = parseInput(startupParams, request.params);
    return verifyStartup(store, code, startupId, parseInput(verificationInput, request.body));
  });
  app.post('/v1/admin/carriers/:code/startups/:startupId/key-project', async (request) => {
    const { code, startupId } = parseInput(startupParams, request.params);
    return designateKeyProject(store, code, startupId, parseInput(keyProjectInput, request.body));
  });
  app.post('/v1/admin/templates', async (request) => publishTemplate(store, parseInput(templateInput, request.body)));
  app.post('/v1/admin/support-rules', async (request) => publishSupportRules(store, parseInput(supportRulesInput, request.body)));

  // Questions about the whole country: answered here only, never to a carrier.
  app.get('/v1/admin/findings', async (request) => {
    const { kind, ...page } = parseInput(findingsQuery, request.query);
    return kind === 'creditCode' ? creditCodeFindings(store, page) : founderFindings(store, page);
  });
  app.get('/v1/admin/startups', async (request) => creditCodeHolders(store, parseInput(creditCodeQuery, request.query).creditCode));
  app.get('/v1/admin/carriers/:code/counts', async (request) => carrierCount(store, parseInput(carrierParams, request.params).code));
  app.get('/v1/admin/regions/:region/counts', async (request) => regionCounts(store, parseInput(regionInput, request.params).region));
}
