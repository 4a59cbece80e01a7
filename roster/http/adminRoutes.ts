import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  createCarrier,
  designateKeyProject,
  publishTemplate,
  reissueToken,
  setCarrierStatus,
  verifyStartup,
} from '../admin/actions';
import { carrierCode, carrierInput, carrierStatusInput, keyProjectInput, templateInput, verificationInput } from '../admin/inputs';
import { mutationSchema } from '@core/sync/protocol';
import { parseInput, RosterError } from '../errors';
import { storable } from '../storableText';
import { bearerToken, sameSecret } from '../store/tokens';
import type { AppOptions } from './app';

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
}
