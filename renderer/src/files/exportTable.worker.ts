import type { ExportFormat, ExportReply, ExportRequest } from './exportTable';
import { writeCsv, writeXlsx } from './writeTable';

const write = (format: ExportFormat, spec: ExportRequest['spec']) => (format === 'xlsx' ? writeXlsx(spec) : Promise.resolve(writeCsv(spec)));

addEventListener('message', (event: MessageEvent<ExportRequest>) => {
  const { format, spec } = event.data;
  write(format, spec).then(
    (bytes) => postMessage({ bytes } satisfies ExportReply, { transfer: [bytes.buffer] }),
    (error: unknown) => postMessage({ error: String(error) } satisfies ExportReply),
  );
});
