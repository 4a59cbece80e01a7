// `npm run bench`: the suite is TypeScript (test/bench/run.ts); tsx's loader runs it in this process.
import { register } from 'tsx/esm/api';

register();
await import('../test/bench/run.ts');
