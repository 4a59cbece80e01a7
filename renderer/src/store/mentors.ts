import type { Mentor } from '@core/records';
import type { DeskDb } from './db';
import { operatorName } from './operator';
import { saveRecord } from './write';

export type MentorInput = Omit<Mentor, 'id' | 'updatedAt'> & { id?: string };

export const listMentors = (db: DeskDb) => db.mentors.orderBy('name').toArray();

export const saveMentor = (db: DeskDb, { id, ...input }: MentorInput) =>
  saveRecord(db, 'mentor', { ...input, id: id ?? crypto.randomUUID() }, operatorName());
