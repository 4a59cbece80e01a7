import type { OpenTableReply, OpenTableRequest } from './openTable';
import { readTable, TableReadError } from './readTable';

addEventListener('message', (event: MessageEvent<OpenTableRequest>) => {
  const { bytes, fileName } = event.data;
  readTable(bytes, fileName).then(
    ({ rows }) => postMessage({ rows } satisfies OpenTableReply),
    (error: unknown) => postMessage((error instanceof TableReadError ? { problem: error.problem } : { error: String(error) }) satisfies OpenTableReply),
  );
});
