import type { ActionItem, Session } from '../records';
import { DAY_MS } from './time';

export interface FollowUp {
  session: Session;
  item: ActionItem;
  daysOverdue: number;
}

/** Open action items whose due date is before `today` (YYYY-MM-DD), most overdue first. */
export function overdueItems(sessions: Iterable<Session>, today: string): FollowUp[] {
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const out: FollowUp[] = [];
  for (const session of sessions) {
    for (const item of session.actionItems) {
      if (item.done || !item.due || item.due >= today) continue;
      out.push({ session, item, daysOverdue: Math.round((todayMs - Date.parse(`${item.due}T00:00:00Z`)) / DAY_MS) });
    }
  }
  return out.sort((a, b) => b.daysOverdue - a.daysOverdue);
}

/** Open action items of the given sessions, overdue or not, soonest due first (undated last). */
export function openItems(sessions: Iterable<Session>): { session: Session; item: ActionItem }[] {
  const out: { session: Session; item: ActionItem }[] = [];
  for (const session of sessions) for (const item of session.actionItems) if (!item.done) out.push({ session, item });
  return out.sort((a, b) => (a.item.due ?? '9999').localeCompare(b.item.due ?? '9999'));
}
