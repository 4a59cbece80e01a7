import { serviceConfig } from './config';
import { openStore } from './db/open';
import { buildApp } from './http/app';

const config = serviceConfig(process.argv.slice(2), process.env);
const store = await openStore(config.location);
const app = buildApp({ store, adminToken: config.adminToken, applyDelayMs: config.applyDelayMs });
const address = await app.listen({ host: config.host, port: config.port });
const where = config.location.kind === 'sqlite' ? `SQLite ${config.location.path}` : 'PostgreSQL';
// Tests and scripts read the address from this line.
console.log(`roster listening on ${address} (${where}${config.adminToken ? ', admin API on' : ''})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => store.close());
  });
}
