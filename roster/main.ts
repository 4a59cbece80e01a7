import cluster from 'node:cluster';
import { type ServiceConfig, serviceConfig, workerHeader } from './config';
import { openStore } from './db/open';
import { buildApp } from './http/app';

const config = serviceConfig(process.argv.slice(2), process.env);
if (config.workers > 1 && cluster.isPrimary) superviseWorkers(config.workers);
else await serve(config);

async function serve(config: ServiceConfig): Promise<void> {
  const store = await openStore(config.location);
  const app = buildApp({ store, adminToken: config.adminToken, applyDelayMs: config.applyDelayMs });
  const worker = cluster.worker;
  if (worker) app.addHook('onRequest', async (_request, reply) => void reply.header(workerHeader, String(worker.id)));
  // Workers share the port: the primary holds the socket and hands connections round.
  const address = await app.listen({ host: config.host, port: config.port });
  const where = config.location.kind === 'sqlite' ? `SQLite ${config.location.path}` : 'PostgreSQL';
  const who = worker ? `, worker ${worker.id} pid ${process.pid}` : '';
  // Tests and scripts read the address from this line.
  console.log(`roster listening on ${address} (${where}${config.adminToken ? ', admin API on' : ''}${who})`);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      // A worker's channel to the primary would keep it alive after the server closed.
      void app
        .close()
        .then(() => store.close())
        .then(() => worker && process.disconnect?.());
    });
  }
}

/** Starts the workers, replaces one that dies (after a second, so a failing start does not spin), stops them all on a signal. */
function superviseWorkers(count: number): void {
  let stopping = false;
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`roster worker ${worker.id} (pid ${worker.process.pid}) died (${signal ?? `exit ${code}`}); starting another`);
    setTimeout(() => !stopping && cluster.fork(), 1000);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    });
  }
}
