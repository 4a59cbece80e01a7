import type { AddressInfo } from 'node:net';
import { createCarrier } from '../admin/actions';
import { type OpenStore, openStore } from '../db/open';
import { buildApp } from '../http/app';
import type { Backend } from './backends';

export const adminToken = 'test-admin-token';

export interface RunningRoster {
  url: string;
  store: OpenStore;
  /** Creates a carrier straight in the store and returns its bearer token. */
  carrier(code: string): Promise<string>;
  close(): Promise<void>;
}

/** The service for real, in this process, on a loopback port of its own, over a fresh database. */
export async function startRoster(backend: Backend, options: { now?: () => Date } = {}): Promise<RunningRoster> {
  const database = await backend.fresh();
  const store = await openStore(database.location);
  const app = buildApp({ store, adminToken, now: options.now });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    carrier: async (code) => (await createCarrier(store, { code, name: `载体 ${code}` })).token,
    close: async () => {
      await app.close();
      await store.close();
      await database.dispose();
    },
  };
}
