import type { Exit } from '@core/records';
import type { DeskDb } from './db';
import { operatorName } from './operator';
import { writeInTx, writeTables } from './write';

const today = () => new Date().toISOString().slice(0, 10);

export type ExitProposal = Pick<Exit, 'startupId' | 'kind' | 'reasons' | 'note' | 'evidence'> & { effectiveOn?: string };

/** A proposal changes nothing about the startup: only an approval does. */
export function proposeExit(db: DeskDb, proposal: ExitProposal): Promise<Exit> {
  return db.transaction('rw', [...writeTables(db, 'exit'), db.startups], async () => {
    const startup = await db.startups.get(proposal.startupId);
    if (!startup || startup.status !== 'resident' || startup.voidedAt) throw new Error('exits.notResident');
    const open = await db.exits.where('startupId').equals(proposal.startupId).filter((e) => e.status === 'proposed').count();
    if (open > 0) throw new Error('exits.alreadyProposed');
    return writeInTx(db, 'exit', { ...proposal, id: crypto.randomUUID(), status: 'proposed', proposedOn: today(), proposedBy: operatorName() }, operatorName());
  });
}

/** Approving sets the startup's status, exit kind and date (freeing its space) in the same transaction. */
export function approveExit(db: DeskDb, exitId: string, effectiveOnDay?: string): Promise<Exit> {
  return db.transaction('rw', writeTables(db, 'exit', 'startup'), async () => {
    const exit = await db.exits.get(exitId);
    if (!exit || exit.status !== 'proposed') throw new Error('exits.notProposed');
    const startup = await db.startups.get(exit.startupId);
    if (!startup) throw new Error('exits.notResident');
    const effectiveOn = effectiveOnDay ?? exit.effectiveOn ?? today();
    const decided = await writeInTx(db, 'exit', { ...exit, status: 'approved', decidedOn: today(), decidedBy: operatorName(), effectiveOn }, operatorName());
    await writeInTx(db, 'startup', { ...startup, status: 'exited', exitKind: exit.kind, exitedOn: effectiveOn }, operatorName());
    return decided;
  });
}

export function closeExit(db: DeskDb, exitId: string, status: 'rejected' | 'withdrawn'): Promise<Exit> {
  return db.transaction('rw', writeTables(db, 'exit'), async () => {
    const exit = await db.exits.get(exitId);
    if (!exit || exit.status !== 'proposed') throw new Error('exits.notProposed');
    return writeInTx(db, 'exit', { ...exit, status, decidedOn: today(), decidedBy: operatorName() }, operatorName());
  });
}

/** 再创业帮扶: the follow-up kept on the exit decision so the founder is not lost. */
export function saveFollowUp(db: DeskDb, exitId: string, followUp: NonNullable<Exit['followUp']>): Promise<Exit> {
  return db.transaction('rw', writeTables(db, 'exit'), async () => {
    const exit = await db.exits.get(exitId);
    if (!exit) throw new Error('exits.notProposed');
    return writeInTx(db, 'exit', { ...exit, followUp }, operatorName());
  });
}
