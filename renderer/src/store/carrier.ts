import type { Carrier, RuleSet } from '@core/records';
import type { DeskDb } from './db';
import { operatorName } from './operator';
import { saveRecord } from './write';

export const getCarrier = (db: DeskDb) => db.carrier.get('carrier');

export const saveCarrier = (db: DeskDb, input: Omit<Carrier, 'id' | 'updatedAt'>) =>
  saveRecord(db, 'carrier', { ...input, id: 'carrier' }, operatorName());

export async function saveRules(db: DeskDb, rules: RuleSet) {
  const carrier = await getCarrier(db);
  if (!carrier) throw new Error('The carrier profile must exist before its rules');
  return saveRecord(db, 'carrier', { ...carrier, rules }, operatorName());
}
