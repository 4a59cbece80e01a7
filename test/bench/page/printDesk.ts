import { pastQuarters } from '@core/demo/generate';
import { residentTemplate } from '@core/scoring';
import { db } from '../../../renderer/src/store/db';
import { runRound } from '../../../renderer/src/store/evaluations';
import { populate, TODAY } from './dataset';
import { inTx, request } from './raw';
import type { PrintDesk } from './printDeskApi';

/** Startups generated so that the period holds more residents than any round the bench prints. */
const STARTUPS = 300;

/**
 * The desk the PDF bench prints, made on the app's own origin (so the built app opens the same
 * database): a generated incubator whose last quarter's round is drafted by the desk's own runRound,
 * then cut to `residents` evaluations so the round's print has a known length.
 */
const prepare: PrintDesk['prepare'] = async (residents) => {
  db.close();
  await db.delete();
  await db.open();
  const dataset = await populate(db.backendDB(), STARTUPS, 10, 8, (line) => console.log(line));
  const period = pastQuarters(TODAY, 1)[0]!.period;
  await runRound(db, period, residentTemplate);
  const keys = (await db.evaluations.where('period').equals(period).primaryKeys()).sort();
  if (keys.length < residents) throw new Error(`only ${keys.length} residents in ${period}, ${residents} wanted`);
  await inTx(db.backendDB(), ['evaluations'], 'readwrite', (tx) => Promise.all(keys.slice(residents).map((k) => request(tx.objectStore('evaluations').delete(k)))), 'relaxed');
  db.close();
  return { period, residents, dataset };
};

declare global {
  interface Window {
    printDesk: PrintDesk;
  }
}
window.printDesk = { prepare };
document.title = 'print desk ready';
