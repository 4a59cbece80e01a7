import type { DeskBridge } from '@core/bridge';
import type { DeskDb } from '../store/db';
import { tableOf } from '../store/schema';
import { deskIdentity, setDeskName, setJoinedCarrier, setRosterUrl, startSnapshot } from '../store/syncState';
import { joinCarrier, type RosterTransport } from './client';

/** Joining would mix two carriers' records: only an empty desk may join. */
export class JoinRefused extends Error {
  constructor() {
    super('sync.join.notEmpty');
    this.name = 'JoinRefused';
  }
}

/** A desk holding any record, or any change not yet sent, is not empty. */
export async function isEmptyDesk(db: DeskDb): Promise<boolean> {
  const counts = await Promise.all([...Object.values(tableOf).map((t) => db.table(t).count()), db.outbox.count()]);
  return counts.every((n) => n === 0);
}

/** What the manager types: the code as given, any case, dashes and spaces optional (the roster reads it so too). */
export const normalJoinCode = (code: string) => code.toUpperCase().replace(/[^0-9A-Z]/g, '');

export interface JoinInput {
  rosterUrl: string;
  joinCode: string;
  deskName: string;
  /** Browser only: keep the desk's token past the tab (Electron always keeps it, encrypted). */
  keep: boolean;
}

/**
 * Joins this (empty) desk to a carrier with a join code made on one of its desks: the roster gives the
 * desk a token of its own, kept as the carrier's token always was, and the carrier's state is loaded by
 * the next sync round (a snapshot, then pull), which the caller starts.
 */
export async function joinDesk(db: DeskDb, bridge: Pick<DeskBridge, 'setSecret' | 'rosterRequest'>, input: JoinInput, transport: RosterTransport = (r) => bridge.rosterRequest(r)) {
  if (!(await isEmptyDesk(db))) throw new JoinRefused();
  const { clientId } = await deskIdentity(db);
  const url = input.rosterUrl.trim();
  const deskName = input.deskName.trim();
  const joined = await joinCarrier({ url, transport }, { joinCode: normalJoinCode(input.joinCode), clientId, deskName });
  await bridge.setSecret({ key: 'rosterToken', value: joined.token, keep: input.keep });
  await Promise.all([setRosterUrl(db, url), setDeskName(db, deskName), setJoinedCarrier(db, joined.carrierCode), startSnapshot(db, true)]);
  return joined;
}
